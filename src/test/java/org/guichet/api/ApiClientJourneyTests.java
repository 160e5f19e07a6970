package org.guichet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.browser.BrowserTest;
import org.guichet.client.ApiClient;
import org.guichet.client.api.AuthenticationApi;
import org.guichet.client.api.MeApi;
import org.guichet.client.api.OrganizerEventsApi;
import org.guichet.client.api.TicketTypesApi;
import org.guichet.client.model.EventRequest;
import org.guichet.client.model.EventView;
import org.guichet.client.model.PasswordGrant;
import org.guichet.client.model.TicketTypeRequest;
import org.guichet.client.model.TicketTypeView;
import org.guichet.client.model.TokenResponse;
import org.guichet.support.Accounts;
import org.guichet.support.MutableClock;
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
        assertThat(ticketTypes.list1(eventId, null, null, null).getContent())
                .extracting(TicketTypeView::getName, TicketTypeView::getPrice)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Standard", "30.00"),
                        org.assertj.core.groups.Tuple.tuple("Reduced", "18.50"));

        // the participant signs in
        ApiClient participantClient = signedIn(participant.getEmail());
        assertThat(new MeApi(participantClient).me().getEmail()).isEqualTo(participant.getEmail());
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
