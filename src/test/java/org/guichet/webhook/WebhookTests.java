package org.guichet.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.Role;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.registration.CheckIns;
import org.guichet.registration.Order;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.Race;
import org.guichet.support.TestEvents;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class WebhookTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    EventService events;

    @Autowired
    CheckIns checkIns;

    @Autowired
    WebhookEndpoints webhooks;

    @Autowired
    WebhookEndpointRepository endpoints;

    @Autowired
    WebhookDeliveryRepository deliveries;

    @Autowired
    WebhookSender sender;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TestMail mail;

    @Autowired
    MutableClock clock;

    @Autowired
    JsonMapper json;

    @Test
    void anOrganizerAddsAnEndpointSeesItsSecretOnceAndNoOneElseSeesIt() throws Exception {
        User organizer = Accounts.organizer(accounts);
        MvcResult added = mvc.perform(post("/dashboard/webhooks").with(as(organizer)).with(csrf())
                        .param("url", "https://hooks.example.com/guichet").param("description", "CRM")
                        .param("eventTypes", "order.confirmed", "event.cancelled", "not.a.type"))
                .andExpect(status().is3xxRedirection()).andReturn();
        WebhookEndpoint endpoint = endpoints.findByOwnerIdOrderByIdAsc(organizer.getId()).get(0);
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/dashboard/webhooks/" + endpoint.getId());
        assertThat(endpoint.getEventTypes()).containsExactlyInAnyOrder(WebhookEventType.ORDER_CONFIRMED,
                WebhookEventType.EVENT_CANCELLED);
        String secret = (String) added.getFlashMap().get("secret");
        assertThat(secret).startsWith("whsec_").isEqualTo(endpoint.getSecret());

        // the page the redirect leads to shows it, once (the flash lives in the session its cookie names)
        jakarta.servlet.http.Cookie session = added.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        mvc.perform(get("/dashboard/webhooks/" + endpoint.getId()).with(as(organizer)).cookie(session))
                .andExpect(status().isOk()).andExpect(content().string(containsString(secret)));
        mvc.perform(get("/dashboard/webhooks/" + endpoint.getId()).with(as(organizer)).cookie(session))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(secret))))
                .andExpect(content().string(containsString("https://hooks.example.com/guichet")));
        mvc.perform(get("/dashboard/webhooks").with(as(organizer)))
                .andExpect(content().string(containsString("https://hooks.example.com/guichet")))
                .andExpect(content().string(not(containsString(secret))));

        User other = Accounts.organizer(accounts);
        mvc.perform(get("/dashboard/webhooks/" + endpoint.getId()).with(as(other))).andExpect(status().isNotFound());
        mvc.perform(post("/dashboard/webhooks/" + endpoint.getId() + "/secret").with(as(other)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/webhooks").with(as(other)))
                .andExpect(content().string(not(containsString("https://hooks.example.com/guichet"))));

        MvcResult rotated = mvc.perform(post("/dashboard/webhooks/" + endpoint.getId() + "/secret")
                .with(as(organizer)).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        String newSecret = (String) rotated.getFlashMap().get("secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(secret)
                .isEqualTo(endpoints.findById(endpoint.getId()).orElseThrow().getSecret());

        mvc.perform(post("/dashboard/webhooks/" + endpoint.getId() + "/disable").with(as(organizer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(endpoints.findById(endpoint.getId()).orElseThrow().isEnabled()).isFalse();
        mvc.perform(post("/dashboard/webhooks/" + endpoint.getId() + "/enable").with(as(organizer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(endpoints.findById(endpoint.getId()).orElseThrow().isEnabled()).isTrue();
        mvc.perform(post("/dashboard/webhooks/" + endpoint.getId() + "/delete").with(as(organizer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(endpoints.findById(endpoint.getId())).isEmpty();
    }

    @Test
    void aRefusedEndpointIsShownAgainWithEachReasonBesideItsFieldInTheOrganizersLanguage() throws Exception {
        User english = Accounts.organizer(accounts);
        mvc.perform(post("/dashboard/webhooks").with(as(english)).with(csrf())
                        .param("url", "not an address").param("description", "x".repeat(201)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a full web address")))
                .andExpect(content().string(containsString("Choose at least one thing to send.")))
                .andExpect(content().string(containsString("Keep the description under 200 characters.")))
                .andExpect(content().string(containsString("value=\"not an address\"")));
        User french = Accounts.signUp(accounts, Accounts.uniqueEmail("hooks-fr"), EnumSet.of(Role.ORGANIZER),
                Locale.FRENCH);
        Event notMine = testEvents.published(english, "Someone else's", "Lyon");
        mvc.perform(post("/dashboard/webhooks").with(as(french)).with(csrf()).param("url", "https://a.example/in")
                        .param("eventTypes", "order.confirmed").param("eventId", String.valueOf(notMine.getId())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choisissez l’un de vos événements, ou tous.")));
        assertThat(endpoints.findByOwnerIdOrderByIdAsc(english.getId())).isEmpty();
        assertThat(endpoints.findByOwnerIdOrderByIdAsc(french.getId())).isEmpty();
    }

    @Test
    void aFreeRegistrationQueuesOneOrderConfirmedPerEndpointThatWantsIt() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event event = testEvents.published(organizer, "Hooked night", "Nantes");
        Event another = testEvents.published(organizer, "Other night", "Nantes");
        WebhookEndpoint all = endpoint(organizer, "https://all.example/in", null, WebhookEventType.ORDER_CONFIRMED);
        WebhookEndpoint thisOne = endpoint(organizer, "https://one.example/in", event.getId(),
                WebhookEventType.ORDER_CONFIRMED, WebhookEventType.ORDER_CANCELLED);
        WebhookEndpoint otherEvent = endpoint(organizer, "https://two.example/in", another.getId(),
                WebhookEventType.ORDER_CONFIRMED);
        WebhookEndpoint otherType = endpoint(organizer, "https://cancel.example/in", null,
                WebhookEventType.EVENT_CANCELLED);
        WebhookEndpoint switchedOff = endpoint(organizer, "https://off.example/in", null,
                WebhookEventType.ORDER_CONFIRMED);
        testEvents.as(organizer, () -> {
            webhooks.disable(switchedOff.getId(), AccountPrincipal.of(organizer));
            return null;
        });

        User buyer = Accounts.participant(accounts);
        long type = ticketTypes.of(event.getId()).get(0).getId();
        Order order = testEvents.register(buyer, event.getId(), type, 2);

        assertThat(deliveries.findByEndpointIdOrderByIdAsc(all.getId())).singleElement()
                .satisfies(delivery -> assertThat(delivery.getEventType()).isEqualTo("order.confirmed"));
        assertThat(deliveries.findByEndpointIdOrderByIdAsc(thisOne.getId())).hasSize(1);
        assertThat(deliveries.findByEndpointIdOrderByIdAsc(otherEvent.getId())).isEmpty();
        assertThat(deliveries.findByEndpointIdOrderByIdAsc(otherType.getId())).isEmpty();
        assertThat(deliveries.findByEndpointIdOrderByIdAsc(switchedOff.getId())).isEmpty();

        WebhookDelivery delivery = deliveries.findByEndpointIdOrderByIdAsc(all.getId()).get(0);
        JsonNode body = json.readTree(delivery.getPayload());
        assertThat(body.get("id").asText()).isEqualTo(delivery.getPublicId());
        assertThat(body.get("type").asText()).isEqualTo("order.confirmed");
        assertThat(body.get("created_at").asText()).endsWith("Z");
        JsonNode data = body.get("data");
        assertThat(data.get("id").asLong()).isEqualTo(order.getId());
        assertThat(data.get("reference").asText()).isEqualTo(order.getReference());
        assertThat(data.get("status").asText()).isEqualTo("confirmed");
        assertThat(data.get("total").asText()).isEqualTo("0.00");
        assertThat(data.get("currency").asText()).isEqualTo(order.getCurrency());
        assertThat(data.get("event_id").asLong()).isEqualTo(event.getId());
        assertThat(data.get("ticket_count").asInt()).isEqualTo(2);

        transactions.executeWithoutResult(status -> {
            testEvents.register(Accounts.participant(accounts), event.getId(), type, 1);
            status.setRollbackOnly();
        });
        assertThat(deliveries.findByEndpointIdOrderByIdAsc(all.getId())).as("a rolled-back registration")
                .hasSize(1);
    }

    @Test
    void aCheckInAnOrderCancelledAndAnEventCancelledAreQueued() {
        User organizer = Accounts.organizer(accounts);
        Event event = testEvents.published(organizer, "Door night", "Rennes");
        WebhookEndpoint endpoint = endpoint(organizer, "https://door.example/in", null,
                WebhookEventType.TICKET_CHECKED_IN, WebhookEventType.EVENT_CANCELLED,
                WebhookEventType.ORDER_CANCELLED, WebhookEventType.EVENT_UPDATED);
        User buyer = Accounts.participant(accounts);
        Order order = testEvents.register(buyer, event.getId(), ticketTypes.of(event.getId()).get(0).getId(), 1);
        long ticketId = order.getTickets().get(0).getId();
        testEvents.as(organizer, () -> checkIns.checkInChosen(event.getId(), AccountPrincipal.of(organizer),
                ticketId));
        testEvents.as(organizer, () -> events.update(event.getId(), AccountPrincipal.of(organizer),
                testEvents.details("Door night, later", "Rennes", "conference", 12, "0",
                        org.guichet.event.Visibility.PUBLIC), null));
        testEvents.as(organizer, () -> events.cancel(event.getId(), AccountPrincipal.of(organizer)));

        List<WebhookDelivery> queued = deliveries.findByEndpointIdOrderByIdAsc(endpoint.getId());
        assertThat(queued).extracting(WebhookDelivery::getEventType).containsExactlyInAnyOrder(
                "ticket.checked_in", "event.updated", "order.cancelled", "event.cancelled");
        assertThat(json.readTree(queued.stream().filter(d -> d.getEventType().equals("event.updated"))
                .findFirst().orElseThrow().getPayload()).get("data").get("title").asText())
                .isEqualTo("Door night, later");
        JsonNode checkedIn = json.readTree(queued.stream().filter(d -> d.getEventType().equals("ticket.checked_in"))
                .findFirst().orElseThrow().getPayload()).get("data");
        assertThat(checkedIn.get("id").asLong()).isEqualTo(ticketId);
        assertThat(checkedIn.get("order_id").asLong()).isEqualTo(order.getId());
        assertThat(checkedIn.get("checked_in_at").asText()).isNotBlank();
        JsonNode cancelled = json.readTree(queued.stream().filter(d -> d.getEventType().equals("event.cancelled"))
                .findFirst().orElseThrow().getPayload()).get("data");
        assertThat(cancelled.get("id").asLong()).isEqualTo(event.getId());
        assertThat(cancelled.get("title").asText()).isEqualTo("Door night, later");
        assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.get("starts_at").asText()).endsWith("Z");
    }

    @Test
    void aDeliveryIsSignedRetriedWithBackOffThenDeliveredAndCanBeResent() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(500, 200)) {
            User organizer = Accounts.organizer(accounts);
            Event event = testEvents.published(organizer, "Signed night", "Lille");
            WebhookEndpoint endpoint = endpoint(organizer, receiver.url(), null, WebhookEventType.ORDER_CONFIRMED);
            testEvents.register(Accounts.participant(accounts), event.getId(),
                    ticketTypes.of(event.getId()).get(0).getId(), 1);

            sender.sendDue();
            assertThat(receiver.requests()).hasSize(1);
            WebhookDelivery failed = only(endpoint);
            assertThat(failed.getStatus()).isEqualTo(WebhookDeliveryStatus.RETRY);
            assertThat(failed.getResponseStatus()).isEqualTo(500);
            assertThat(failed.getResponseSnippet()).isEqualTo("answer 500");
            assertThat(failed.getNextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

            sender.sendDue();
            assertThat(receiver.requests()).as("not due yet").hasSize(1);
            clock.advance(Duration.ofMinutes(1));
            sender.sendDue();
            assertThat(receiver.requests()).hasSize(2);
            WebhookDelivery delivered = only(endpoint);
            assertThat(delivered.getStatus()).isEqualTo(WebhookDeliveryStatus.DELIVERED);
            assertThat(delivered.getAttempts()).isEqualTo(2);
            assertThat(delivered.getResponseStatus()).isEqualTo(200);

            WebhookReceiver.Received request = receiver.requests().get(1);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.body()).isEqualTo(delivered.getPayload());
            assertThat(request.header("Guichet-Webhook-Id")).isEqualTo(delivered.getPublicId());
            String timestamp = request.header("Guichet-Webhook-Timestamp");
            assertThat(Long.parseLong(timestamp)).isEqualTo(clock.instant().getEpochSecond());
            assertThat(request.header("Guichet-Webhook-Signature"))
                    .isEqualTo("v1=" + hmac(endpoint(endpoint).getSecret(), timestamp + "." + request.body()));

            mvc.perform(get("/dashboard/webhooks/" + endpoint.getId()).with(as(organizer)))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("order.confirmed")))
                    .andExpect(content().string(containsString("Delivered")));
            mvc.perform(post("/dashboard/webhooks/" + endpoint.getId() + "/deliveries/" + delivered.getId()
                    + "/resend").with(as(organizer)).with(csrf())).andExpect(status().is3xxRedirection());
            assertThat(only(endpoint).getStatus()).isEqualTo(WebhookDeliveryStatus.PENDING);
            sender.sendDue();
            assertThat(receiver.requests()).hasSize(3);
            assertThat(receiver.requests().get(2).header("Guichet-Webhook-Id")).isEqualTo(delivered.getPublicId());
            assertThat(only(endpoint).getStatus()).isEqualTo(WebhookDeliveryStatus.DELIVERED);

            User other = Accounts.organizer(accounts);
            mvc.perform(post("/dashboard/webhooks/" + endpoint.getId() + "/deliveries/" + delivered.getId()
                    + "/resend").with(as(other)).with(csrf())).andExpect(status().isNotFound());
        }
    }

    @Test
    void anEndpointFailingForThreeDaysIsSwitchedOffAndItsOwnerMailedOnce() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(503)) {
            User organizer = Accounts.organizer(accounts);
            Event event = testEvents.published(organizer, "Failing night", "Brest");
            WebhookEndpoint endpoint = endpoint(organizer, receiver.url(), null, WebhookEventType.ORDER_CONFIRMED);
            testEvents.register(Accounts.participant(accounts), event.getId(),
                    ticketTypes.of(event.getId()).get(0).getId(), 1);
            sender.sendDue();
            int rounds = 0;
            while (only(endpoint).getStatus() != WebhookDeliveryStatus.FAILED && rounds++ < 40) {
                assertThat(endpoint(endpoint).isEnabled()).isTrue();
                clock.advance(Duration.ofHours(6));
                sender.sendDue();
            }
            WebhookDelivery failed = only(endpoint);
            assertThat(failed.getStatus()).isEqualTo(WebhookDeliveryStatus.FAILED);
            assertThat(failed.getAttempts()).as("every 6 hours for 3 days, a few sooner").isBetween(10, 25);
            assertThat(receiver.requests()).hasSize(failed.getAttempts());
            assertThat(failed.getLastAttemptAt()).isEqualTo(failed.getQueuedAt().plus(Duration.ofDays(3)));
            WebhookEndpoint off = endpoint(endpoint);
            assertThat(off.isEnabled()).isFalse();
            assertThat(off.isSwitchedOffForFailing()).isTrue();

            List<MimeMessage> received = mail.deliverAndRead(organizer.getEmail());
            assertThat(received).singleElement().satisfies(message -> {
                assertThat(message.getSubject()).contains(receiver.url()).contains("switched off");
                assertThat(TestMail.text(message)).contains("/dashboard/webhooks/" + endpoint.getId());
            });

            testEvents.register(Accounts.participant(accounts), event.getId(),
                    ticketTypes.of(event.getId()).get(0).getId(), 1);
            assertThat(deliveries.findByEndpointIdOrderByIdAsc(endpoint.getId())).as("nothing queued while off")
                    .hasSize(1);
            mvc.perform(get("/dashboard/webhooks/" + endpoint.getId()).with(as(organizer)))
                    .andExpect(content().string(containsString("Off (failing)")));
        }
    }

    @Test
    void twoSendersAtOncePostADeliveryOnce() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(200)) {
            User organizer = Accounts.organizer(accounts);
            Event event = testEvents.published(organizer, "Raced night", "Metz");
            WebhookEndpoint endpoint = endpoint(organizer, receiver.url(), null, WebhookEventType.ORDER_CONFIRMED);
            for (int i = 0; i < 3; i++) {
                testEvents.register(Accounts.participant(accounts), event.getId(),
                        ticketTypes.of(event.getId()).get(0).getId(), 1);
            }
            List<Race.Outcome<Integer>> outcomes = Race.run(2, () -> sender.sendDue());
            assertThat(outcomes).allMatch(Race.Outcome::succeeded);
            assertThat(receiver.requests()).hasSize(3);
            assertThat(receiver.requests()).extracting(request -> request.header("Guichet-Webhook-Id"))
                    .doesNotHaveDuplicates();
            assertThat(deliveries.findByEndpointIdOrderByIdAsc(endpoint.getId()))
                    .allMatch(delivery -> delivery.getStatus() == WebhookDeliveryStatus.DELIVERED
                            && delivery.getAttempts() == 1);
        }
    }

    private WebhookEndpoint endpoint(User owner, String url, Long eventId, WebhookEventType... types) {
        return testEvents.as(owner, () -> webhooks.create(AccountPrincipal.of(owner),
                new WebhookEndpointDetails(url, null, Set.of(types), eventId))).endpoint();
    }

    private WebhookEndpoint endpoint(WebhookEndpoint endpoint) {
        return endpoints.findById(endpoint.getId()).orElseThrow();
    }

    private WebhookDelivery only(WebhookEndpoint endpoint) {
        List<WebhookDelivery> found = deliveries.findByEndpointIdOrderByIdAsc(endpoint.getId());
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String hmac(String secret, String signed) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(signed.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(User user) {
        return authentication(Accounts.signedIn(user));
    }

}
