package org.guichet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.support.ApiTokens.bearer;
import static org.guichet.support.ApiTokens.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.EventDetails;
import org.guichet.event.Visibility;
import org.guichet.registration.Order;
import org.guichet.registration.ParticipantOrders;
import org.guichet.registration.TicketSigner;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.ApiTokens;
import org.guichet.support.MutableClock;
import org.guichet.support.SandboxPayments;
import org.guichet.support.TestEvents;
import org.guichet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;

/**
 * Buying through the API, on the register button's service: free orders confirmed with their tickets, paid ones
 * pending with a checkout page until the gateway's webhook confirms them, the same refusals as the web; and my
 * tickets with their signed QR payload and their files for a bearer token.
 */
@IntegrationTest
class ApiOrdersTests {

    private static final String PROBLEM = "application/problem+json";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    ParticipantOrders registrations;

    @Autowired
    TicketSigner signer;

    @Autowired
    MutableClock clock;

    @Value("${guichet.payments.sandbox.webhook-secret}")
    String secret;

    @Value("${guichet.base-url}")
    String baseUrl;

    @Test
    void aFreeOrderIsConfirmedAtOnceWithItsTicketsNamedAsAsked() throws Exception {
        Event event = event("0", 100);
        long type = standard(event);
        User buyer = Accounts.participant(accounts);
        String token = ApiTokens.accessToken(mvc, buyer);

        MvcResult placed = mvc.perform(post("/api/v1/events/" + event.getId() + "/orders").with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[{\"ticketTypeId\":" + type + ",\"quantity\":2}],"
                                + "\"attendees\":[{\"ticketTypeId\":" + type + ",\"name\":\"Ada Lovelace\","
                                + "\"email\":\"ada@example.org\"}]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.free").value(true))
                .andExpect(jsonPath("$.total").value("0.00"))
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.lines[0].ticketTypeId").value(type))
                .andExpect(jsonPath("$.lines[0].quantity").value(2))
                .andExpect(jsonPath("$.tickets.length()").value(2))
                .andExpect(jsonPath("$.tickets[0].holderName").value("Ada Lovelace"))
                .andExpect(jsonPath("$.tickets[0].status").value("VALID"))
                .andExpect(jsonPath("$.tickets[1].holderName").value(buyer.getFullName()))
                .andExpect(jsonPath("$.checkout_url").doesNotExist())
                .andReturn();
        long orderId = json(placed).get("id").asLong();

        mvc.perform(get("/api/v1/orders/" + orderId).with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.tickets.length()").value(2));
    }

    @Test
    void aPaidOrderIsPendingWithItsCheckoutPageUntilTheGatewayConfirmsIt() throws Exception {
        Event event = event("20.00", 100);
        long type = standard(event);
        User buyer = Accounts.participant(accounts);
        String token = ApiTokens.accessToken(mvc, buyer);

        MvcResult placed = mvc.perform(post("/api/v1/events/" + event.getId() + "/orders").with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[{\"ticketTypeId\":" + type + ",\"quantity\":2}]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING_PAYMENT"))
                .andExpect(jsonPath("$.total").value("40.00"))
                .andExpect(jsonPath("$.lines[0].unitPrice").value("20.00"))
                .andExpect(jsonPath("$.lines[0].amount").value("40.00"))
                .andExpect(jsonPath("$.holdExpiresAt").exists())
                .andExpect(jsonPath("$.tickets[0].status").value("RESERVED"))
                .andExpect(jsonPath("$.tickets[0].qrPayload").doesNotExist())
                .andReturn();
        String checkoutUrl = json(placed).get("checkout_url").asString();
        assertThat(checkoutUrl).startsWith(baseUrl + "/sandbox/checkout/");
        long orderId = json(placed).get("id").asLong();
        mvc.perform(get(checkoutUrl.substring(baseUrl.length()))).andExpect(status().isOk());

        mvc.perform(post("/api/v1/events/" + event.getId() + "/orders").with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[{\"ticketTypeId\":" + type + ",\"quantity\":1}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(orderId))
                .andExpect(jsonPath("$.resumed").value(true))
                .andExpect(jsonPath("$.checkout_url").value(checkoutUrl));

        Order order = testEvents.as(buyer, () -> registrations.ownOrder(AccountPrincipal.of(buyer), orderId));
        new SandboxPayments(mvc, secret, clock).pay(order);

        mvc.perform(get("/api/v1/orders/" + orderId).with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.holdExpiresAt").doesNotExist())
                .andExpect(jsonPath("$.tickets[0].status").value("VALID"))
                .andExpect(jsonPath("$.tickets[0].paymentStatus").value("PAID"))
                .andExpect(jsonPath("$.tickets[0].qrPayload").exists());
        mvc.perform(post("/api/v1/orders/" + orderId + "/checkout").with(bearer(token)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void soldOutIsAConflictProblemAndNothingIsHeld() throws Exception {
        Event event = event("0", 1);
        long type = standard(event);
        testEvents.register(Accounts.participant(accounts), event.getId(), type, 1);
        String token = ApiTokens.accessToken(mvc, Accounts.participant(accounts));

        mvc.perform(post("/api/v1/events/" + event.getId() + "/orders").with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[{\"ticketTypeId\":" + type + ",\"quantity\":1}]}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("/problems/conflict"))
                .andExpect(jsonPath("$.reasons[0]").value("registration.error.soldOut"));
        mvc.perform(get("/api/v1/me/tickets").with(bearer(token)))
                .andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void tooManyTicketsAndBadAttendeesAreRefusedAsOnTheWeb() throws Exception {
        Event event = event("0", 100);
        long type = standard(event);
        String token = ApiTokens.accessToken(mvc, Accounts.participant(accounts));
        mvc.perform(post("/api/v1/events/" + event.getId() + "/orders").with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[{\"ticketTypeId\":" + type + ",\"quantity\":1}],"
                                + "\"attendees\":[{\"ticketTypeId\":" + type + ",\"email\":\"not an address\"}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("attendees[0].email"));
        mvc.perform(post("/api/v1/events/" + event.getId() + "/orders").with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[{\"ticketTypeId\":" + type + ",\"quantity\":4},"
                                + "{\"ticketTypeId\":" + type + ",\"quantity\":4}]}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/events/" + event.getId() + "/orders").with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"items\":[]}"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void anUnverifiedAccountMayNotBuy() throws Exception {
        Event event = event("0", 100);
        String token = ApiTokens.accessToken(mvc, Accounts.unverifiedParticipant(accounts));
        mvc.perform(post("/api/v1/events/" + event.getId() + "/orders").with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[{\"ticketTypeId\":" + standard(event) + ",\"quantity\":1}]}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/unverified"));
        mvc.perform(get("/api/v1/me/tickets").with(bearer(token)))
                .andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void anotherPersonsOrderAndTicketsDoNotExist() throws Exception {
        User owner = Accounts.organizer(accounts);
        Event event = testEvents.published(owner, testEvents.details("API others", "Lyon", "concert", 10, "0",
                Visibility.PUBLIC));
        User buyer = Accounts.participant(accounts);
        Order order = testEvents.register(buyer, event.getId(), standard(event), 1);
        long ticketId = testEvents.as(buyer, () -> registrations.ownOrder(AccountPrincipal.of(buyer),
                order.getId()).getTickets().get(0).getId());
        String stranger = ApiTokens.accessToken(mvc, Accounts.participant(accounts));

        mvc.perform(get("/api/v1/orders/" + order.getId()).with(bearer(stranger)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(post("/api/v1/orders/" + order.getId() + "/cancel").with(bearer(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/me/tickets/" + ticketId).with(bearer(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/me/tickets/" + ticketId + "/qr.png").with(bearer(stranger)))
                .andExpect(status().isNotFound());
        // the event's organizer sees the ticket at the door, but it is not one of theirs
        String organizer = ApiTokens.accessToken(mvc, owner);
        mvc.perform(get("/api/v1/me/tickets/" + ticketId + "/ticket.pdf").with(bearer(organizer)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aFreeOrderIsCancelledOnceAndAPaidOneRefunded() throws Exception {
        Event free = event("0", 100);
        User buyer = Accounts.participant(accounts);
        String token = ApiTokens.accessToken(mvc, buyer);
        Order order = testEvents.register(buyer, free.getId(), standard(free), 1);

        mvc.perform(post("/api/v1/orders/" + order.getId() + "/cancel").with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.tickets[0].status").value("CANCELLED"));
        mvc.perform(post("/api/v1/orders/" + order.getId() + "/cancel").with(bearer(token)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reasons[0]").value("order.error.alreadyCancelled"));

        Event paid = refundable();
        Order held = testEvents.register(buyer, paid.getId(), standard(paid), 1);
        mvc.perform(post("/api/v1/orders/" + held.getId() + "/cancel").with(bearer(token)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reasons[0]").value("payment.error.noRefund"));
        new SandboxPayments(mvc, secret, clock).pay(testEvents.as(buyer,
                () -> registrations.ownOrder(AccountPrincipal.of(buyer), held.getId())));
        mvc.perform(post("/api/v1/orders/" + held.getId() + "/cancel").with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REFUNDED"))
                .andExpect(jsonPath("$.tickets[0].paymentStatus").value("REFUNDED"));
    }

    @Test
    void myTicketsCarryASignedQrPayloadAndLinksThatWorkWithTheBearerToken() throws Exception {
        Event event = event("0", 100);
        User buyer = Accounts.participant(accounts);
        String token = ApiTokens.accessToken(mvc, buyer);
        testEvents.register(buyer, event.getId(), standard(event), 2);

        MvcResult listed = mvc.perform(get("/api/v1/me/tickets?size=1").with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(header().exists(HttpHeaders.ETAG))
                .andExpect(jsonPath("$.page.totalElements").value(2))
                .andExpect(jsonPath("$.page.totalPages").value(2))
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.content[0].eventId").value(event.getId()))
                .andExpect(jsonPath("$.content[0].eventTitle").value(event.getTitle()))
                .andExpect(jsonPath("$.content[0].eventStartsAt").exists())
                .andExpect(jsonPath("$.content[0].ticketType").exists())
                .andExpect(jsonPath("$.content[0].holderName").value(buyer.getFullName()))
                .andExpect(jsonPath("$.content[0].checkedIn").value(false))
                .andReturn();
        JsonNode ticket = json(listed).get("content").get(0);
        long id = ticket.get("id").asLong();

        String payload = ticket.get("qrPayload").asString();
        assertThat(signer.verify(payload)).hasValueSatisfying(code -> {
            assertThat(code.ticketId()).isEqualTo(id);
            assertThat(code.eventId()).isEqualTo(event.getId());
        });
        assertThat(verifiesWithThePublicKey(payload)).as("checked offline with the published key").isTrue();

        assertThat(ticket.get("qrPng").asString()).isEqualTo(baseUrl + "/api/v1/me/tickets/" + id + "/qr.png");
        assertThat(ticket.get("pdf").asString()).isEqualTo(baseUrl + "/api/v1/me/tickets/" + id + "/ticket.pdf");
        assertThat(ticket.get("ics").asString()).isEqualTo(baseUrl + "/api/v1/me/tickets/" + id + "/calendar.ics");
        byte[] png = mvc.perform(get(path(ticket.get("qrPng"))).with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_PNG))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        byte[] pdf = mvc.perform(get(path(ticket.get("pdf"))).with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String ics = mvc.perform(get(path(ticket.get("ics"))).with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ics).contains("BEGIN:VCALENDAR").contains(event.getTitle());

        mvc.perform(get("/api/v1/me/tickets/" + id).with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.qrPayload").value(payload));
        mvc.perform(get("/api/v1/me/tickets/" + id + "/qr.png"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theOpenApiDocumentDescribesOrdersTicketsAndTheDoor() throws Exception {
        JsonNode paths = json(mvc.perform(get("/api/v1/openapi.json")).andExpect(status().isOk()).andReturn())
                .get("paths");
        for (String path : new String[] {"/api/v1/events/{id}/orders", "/api/v1/orders/{orderId}",
                "/api/v1/orders/{orderId}/cancel", "/api/v1/orders/{orderId}/checkout", "/api/v1/me/tickets",
                "/api/v1/me/tickets/{ticketId}/qr.png", "/api/v1/events/{id}/checkins",
                "/api/v1/events/{id}/checkins/{ticketId}", "/api/v1/events/{id}/checkin-list"}) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }

    private boolean verifiesWithThePublicKey(String payload) throws Exception {
        String key = mvc.perform(get("/.well-known/guichet-ticket-key")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String base64 = key.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        byte[] bytes = Base64.getUrlDecoder().decode(payload.substring("G1.".length()));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(bytes, 0, bytes.length - 64);
        return verifier.verify(bytes, bytes.length - 64, 64);
    }

    private String path(JsonNode link) {
        return link.asString().substring(baseUrl.length());
    }

    private Event event(String price, int capacity) {
        User organizer = Accounts.organizer(accounts);
        return testEvents.published(organizer, TestEvents.withCapacity(testEvents.details("API order " + price,
                "Nantes", "concert", 10, price, Visibility.PUBLIC), capacity));
    }

    /** A paid event that refunds until the day before it starts. */
    private Event refundable() {
        EventDetails base = testEvents.details("API refundable", "Metz", "concert", 12, "15.00", Visibility.PUBLIC);
        return testEvents.published(Accounts.organizer(accounts), new EventDetails(base.title(), base.description(),
                base.categorySlug(), base.venueName(), base.address(), base.city(), base.country(),
                base.onlineUrl(), base.startsAt(), base.endsAt(), base.timeZone(), 10, base.price(),
                base.currency(), base.visibility(), base.startsAt().minus(Duration.ofDays(1))));
    }

    private long standard(Event event) {
        return ticketTypes.of(event.getId()).get(0).getId();
    }
}
