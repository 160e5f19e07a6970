package org.guichet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.ApiScope;
import org.guichet.account.PersonalTokens;
import org.guichet.account.User;
import org.guichet.browser.BrowserTest;
import org.guichet.client.ApiClient;
import org.guichet.client.ApiException;
import org.guichet.client.api.AuthenticationApi;
import org.guichet.client.api.CheckInApi;
import org.guichet.client.api.MeApi;
import org.guichet.client.api.OrdersApi;
import org.guichet.client.api.OrganizerEventsApi;
import org.guichet.client.api.TicketTypesApi;
import org.guichet.client.model.CheckInList;
import org.guichet.client.model.EventRequest;
import org.guichet.client.model.EventView;
import org.guichet.client.model.ListedTicket;
import org.guichet.client.model.NewOrder;
import org.guichet.client.model.OrderAttendee;
import org.guichet.client.model.OrderItem;
import org.guichet.client.model.OrderView;
import org.guichet.client.model.PasswordGrant;
import org.guichet.client.model.TicketTypeRequest;
import org.guichet.client.model.ScannedCode;
import org.guichet.client.model.TicketTypeView;
import org.guichet.client.model.TicketView;
import org.guichet.client.model.TokenResponse;
import org.guichet.client.model.Verdict;
import org.guichet.payment.sandbox.SandboxWebhooks;
import org.guichet.support.Accounts;
import org.guichet.support.MutableClock;
import org.guichet.support.TestEvents;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole journey through the Java client the build generates from the committed OpenAPI document
 * ({@code org.guichet.client}, see {@link OpenApiDocumentTests}), against the application on a real port (the browser
 * tests' context): the document describes the server closely enough for a client made from it alone to work.
 */
@BrowserTest
class ApiClientJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    TestEvents testEvents;

    @Autowired
    PersonalTokens personalTokens;

    @Autowired
    SandboxWebhooks webhooks;

    @Test
    void anOrganizerSellsTwoKindsOfTicketsAParticipantPaysAndTheDoorChecksThemIn() throws Exception {
        User organizer = Accounts.organizer(accounts);
        User participant = Accounts.participant(accounts);

        // the organizer signs in and puts a paid event on sale with two ticket types
        ApiClient organizerClient = signedIn(organizer.getEmail());
        OrganizerEventsApi organizerEvents = new OrganizerEventsApi(organizerClient);
        Instant start = clock.instant().plus(Duration.ofDays(12));
        EventView draft = organizerEvents.create(new EventRequest()
                .title("Concert client " + System.nanoTime())
                .description("Generated **client** journey")
                .category("concert")
                .venueName("La Cigale").city("Paris").country("France")
                .startsAt(utc(start)).endsAt(utc(start.plus(Duration.ofHours(3))))
                .timeZone("Europe/Paris")
                .capacity(50)
                .price("30.00").currency("EUR")
                .visibility(EventRequest.VisibilityEnum.PUBLIC));
        assertThat(draft.getStatus()).isEqualTo("DRAFT");
        long eventId = draft.getId();
        TicketTypesApi ticketTypes = new TicketTypesApi(organizerClient);
        TicketTypeView reduced = ticketTypes.add(eventId, new TicketTypeRequest()
                .name("Reduced").price("18.50").quantity(20).maxPerOrder(4));
        assertThat(reduced.getPrice()).isEqualTo("18.50");
        EventView published = organizerEvents.publish(eventId);
        assertThat(published.getStatus()).isEqualTo("PUBLISHED");
        assertThat(published.getFree()).isFalse();
        assertThat(published.getLowestPrice()).isEqualTo("18.50");
        assertThat(published.getHighestPrice()).isEqualTo("30.00");
        assertThat(ticketTypes.ticketTypes(eventId, null, null, null).getContent())
                .extracting(TicketTypeView::getName, TicketTypeView::getPrice)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Standard", "30.00"),
                        org.assertj.core.groups.Tuple.tuple("Reduced", "18.50"));

        long standardId = ticketTypes.ticketTypes(eventId, null, null, null).getContent().get(0).getId();

        // the participant signs in and orders one standard and two reduced tickets: pending, with a checkout page
        ApiClient participantClient = signedIn(participant.getEmail());
        assertThat(new MeApi(participantClient).me().getEmail()).isEqualTo(participant.getEmail());
        OrdersApi orders = new OrdersApi(participantClient);
        OrderView placed = orders.place(eventId, new NewOrder()
                .addItemsItem(new OrderItem().ticketTypeId(standardId).quantity(1))
                .addItemsItem(new OrderItem().ticketTypeId(reduced.getId()).quantity(2))
                .addAttendeesItem(new OrderAttendee().ticketTypeId(reduced.getId()).name("Chloé Martin")), null);
        assertThat(placed.getStatus()).isEqualTo("PENDING_PAYMENT");
        assertThat(placed.getTotal()).isEqualTo("67.00");
        assertThat(placed.getCurrency()).isEqualTo("EUR");
        assertThat(placed.getHoldExpiresAt()).isNotNull();
        assertThat(placed.getCheckoutUrl()).isNotBlank();

        // paid on the sandbox's page; its webhook reaches the server; the order is confirmed
        payWithTestCard(placed.getCheckoutUrl());
        assertThat(webhooks.deliverDue()).isGreaterThanOrEqualTo(1);
        OrderView confirmed = orders.order(placed.getId());
        assertThat(confirmed.getStatus()).isEqualTo("CONFIRMED");
        assertThat(confirmed.getTickets()).hasSize(3)
                .allSatisfy(ticket -> assertThat(ticket.getPaymentStatus()).isEqualTo("PAID"));

        // the participant's tickets, each with the signed code its QR image shows
        List<TicketView> tickets = new MeApi(participantClient).tickets(null, null).getContent();
        assertThat(tickets).hasSize(3).allSatisfy(ticket -> {
            assertThat(ticket.getEventId()).isEqualTo(eventId);
            assertThat(ticket.getStatus()).isEqualTo("VALID");
            assertThat(ticket.getQrPayload()).isNotBlank();
        });
        assertThat(tickets).extracting(TicketView::getTicketType)
                .containsExactlyInAnyOrder("Standard", "Reduced", "Reduced");
        assertThat(tickets).extracting(TicketView::getHolderName).contains("Chloé Martin");

        // the door: a scanning app with the organizer's personal checkin token downloads the list
        String doorToken = testEvents.as(organizer, () -> personalTokens.create(AccountPrincipal.of(organizer),
                "Door scanner", EnumSet.of(ApiScope.CHECKIN))).secret();
        CheckInApi door = new CheckInApi(bearer(doorToken));
        clock.advance(Duration.ofMinutes(5));
        CheckInList first = door.checkinList(eventId, null);
        assertThat(first.getComplete()).isTrue();
        assertThat(first.getTickets()).hasSize(3).allSatisfy(listed -> {
            assertThat(listed.getAdmits()).isTrue();
            assertThat(listed.getCheckedInAt()).isNull();
            assertThat(listed.getSecretSha256()).hasSize(64);
        });
        assertThat(first.getTickets()).extracting(ListedTicket::getTicketId)
                .containsExactlyInAnyOrderElementsOf(tickets.stream().map(TicketView::getId).toList());

        // ... checks a ticket in (a second scan is refused: 409) ...
        clock.advance(Duration.ofMinutes(5));
        TicketView scanned = tickets.get(0);
        Verdict verdict = door.checkIn(eventId, new ScannedCode().code(scanned.getQrPayload()));
        assertThat(verdict.getOutcome()).isEqualTo("CHECKED_IN");
        assertThat(verdict.getAdmitted()).isTrue();
        assertThat(verdict.getTicketId()).isEqualTo(scanned.getId());
        assertThatThrownBy(() -> door.checkIn(eventId, new ScannedCode().code(scanned.getQrPayload())))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(409);
                    assertThat(refused.getResponseBody()).contains("ALREADY_CHECKED_IN");
                });

        // ... and then downloads only what changed since its first download: that ticket, now in
        CheckInList changes = door.checkinList(eventId, first.getNextSince());
        assertThat(changes.getComplete()).isFalse();
        assertThat(changes.getTickets()).singleElement().satisfies(listed -> {
            assertThat(listed.getTicketId()).isEqualTo(scanned.getId());
            assertThat(listed.getCheckedInAt()).isNotNull();
        });
        // the participant's token has no checkin scope: the door is closed to it
        assertThatThrownBy(() -> new CheckInApi(participantClient).checkinList(eventId, null))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.getCode()).isEqualTo(403));
    }

    /**
     * What a buyer does with {@code checkout_url} in a browser: opens the sandbox's page and pays with the test card
     * (the form's CSRF token and cookie kept, as a browser would); the sandbox then queues its signed webhook.
     */
    private void payWithTestCard(String checkoutUrl) throws Exception {
        String path = URI.create(checkoutUrl).getRawPath();
        assertThat(path).startsWith("/sandbox/checkout/");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        URI page = URI.create("http://127.0.0.1:" + port + path);
        HttpResponse<String> opened = browser.send(HttpRequest.newBuilder(page).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).isEqualTo(200);
        String csrf = Jsoup.parse(opened.body()).selectFirst("main form input[name=_csrf]").attr("value");
        String form = "_csrf=" + encode(csrf) + "&number=" + encode("4242 4242 4242 4242") + "&expiry="
                + encode("12/39") + "&cvc=123";
        HttpResponse<String> paid = browser.send(HttpRequest.newBuilder(page)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(paid.statusCode()).as("the card page's answer: %s", paid.body()).isEqualTo(302);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private ApiClient signedIn(String email) throws Exception {
        ApiClient anonymous = client();
        TokenResponse tokens = new AuthenticationApi(anonymous)
                .token(new PasswordGrant().email(email).password(Accounts.PASSWORD));
        assertThat(tokens.getTokenType()).isEqualTo("Bearer");
        return bearer(tokens.getAccessToken());
    }

    private ApiClient bearer(String token) {
        return client().setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    private ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        return client;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
