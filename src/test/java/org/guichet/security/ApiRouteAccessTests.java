package org.guichet.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.ApiScope;
import org.guichet.account.PersonalTokens;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.Visibility;
import org.guichet.limits.RateLimiter;
import org.guichet.registration.Order;
import org.guichet.registration.ParticipantOrders;
import org.guichet.registration.TicketTypes;
import org.guichet.security.Routes.Route;
import org.guichet.support.Accounts;
import org.guichet.support.ApiTokens;
import org.guichet.support.ClientAddresses;
import org.guichet.support.IntegrationTest;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Every route under {@code /api/}, asked with each kind of bearer token and without one: the API's access matrix
 * (the web's is {@link RouteAccessTests}, which leaves {@code /api/} to this one, as sessions and cookies do not
 * sign anyone in there). A route this table does not list fails the test.
 *
 * <p>Columns: {@code none} (no token), {@code bad} (a forged token), {@code participant} and {@code organizer}
 * (access tokens from {@code /auth/token}, the organizer owning the event {@code {id}}), {@code other} (another
 * organizer's access token), {@code read} and {@code checkin} (the owner's personal tokens with only that scope).
 * {@code {id}} is the owner's published public (free) event, with a ticket sold (so it cannot be deleted),
 * {@code {typeId}} its ticket type, {@code {ticketId}} the participant's ticket of it, {@code {orderId}} the
 * participant's order of another of the owner's events. A route that reads a body answers 400 to an empty one before its scope is looked at. Unsafe
 * methods are sent without a body and without a CSRF
 * token, which the API never asks for.
 */
@IntegrationTest
class ApiRouteAccessTests {

    static final String MATRIX = """
                                                      none  bad  participant  organizer  other  read  checkin
            POST /api/v1/auth/token                   400   400  400          400        400    400   400
            POST /api/v1/auth/refresh                 400   400  400          400        400    400   400
            POST /api/v1/auth/revoke                  400   400  400          400        400    400   400
            GET  /api/v1/me                           401   401  200          200        200    200   403
            GET  /api/v1/categories                   401   401  200          200        200    200   403
            GET  /api/v1/events/{id}                  401   401  200          200        200    200   403
            GET  /api/v1/events/{id}/attendees        401   401  404          200        404    200   403
            GET  /api/v1/events/{id}/attendees.csv    401   401  404          200        404    200   403
            GET  /api/v1/events/{id}/figures          401   401  404          200        404    200   403
            GET  /api/v1/events/{id}/waiting-list     401   401  404          200        404    200   403
            GET  /api/v1/openapi.json                 200   200  200          200        200    200   200
            GET  /api/v1/openapi.json.yaml            200   200  200          200        200    200   200
            GET  /api/v1/openapi.json/swagger-config  200   200  200          200        200    200   200
            GET  /api/docs                            302   302  302          302        302    302   302
            GET  /api/v1/events                       401   401  200          200        200    200   403
            POST /api/v1/events                       401   401  400          400        400    400   400
            PUT  /api/v1/events/{id}                  401   401  400          400        400    400   400
            DELETE /api/v1/events/{id}                401   401  403          409        404    403   403
            POST /api/v1/events/{id}/publish          401   401  403          409        404    403   403
            POST /api/v1/events/{id}/cancel           401   401  403          200        404    403   403
            POST /api/v1/events/{id}/duplicate        401   401  403          201        404    403   403
            PUT  /api/v1/events/{id}/image            401   401  415          415        415    415   415
            GET  /api/v1/me/events                    401   401  403          200        200    200   403
            GET  /api/v1/events/{id}/ticket-types     401   401  200          200        200    200   403
            POST /api/v1/events/{id}/ticket-types     401   401  400          400        400    400   400
            PUT  /api/v1/events/{id}/ticket-types/{typeId} 401   401  400          400        400    400   400
            POST /api/v1/events/{id}/ticket-types/{typeId}/close 401   401  403          200        404    403   403
            POST /api/v1/events/{id}/orders           401   401  400          400        400    400   400
            GET  /api/v1/orders/{orderId}             401   401  200          404        404    404   403
            POST /api/v1/orders/{orderId}/checkout    401   401  409          404        404    403   403
            POST /api/v1/orders/{orderId}/cancel      401   401  200          404        404    403   403
            GET  /api/v1/me/tickets                   401   401  200          200        200    200   403
            GET  /api/v1/me/tickets/{ticketId}        401   401  200          404        404    404   403
            GET  /api/v1/me/tickets/{ticketId}/qr.png 401   401  200          404        404    404   403
            GET  /api/v1/me/tickets/{ticketId}/ticket.pdf 401  401  200      404        404    404   403
            GET  /api/v1/me/tickets/{ticketId}/calendar.ics 401 401  200     404        404    404   403
            POST /api/v1/events/{id}/checkins         401   401  400          400        400    400   400
            DELETE /api/v1/events/{id}/checkins/{ticketId} 401 401 403      200        404    403   200
            GET  /api/v1/events/{id}/checkin-list     401   401  403          200        404    403   200
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents testEvents;

    @Autowired
    PersonalTokens personalTokens;

    @Autowired
    RateLimiter limits;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    ParticipantOrders registrations;

    Map<String, String> tokens;
    Map<String, String> pathValues;

    @BeforeEach
    void world() {
        User owner = Accounts.organizer(accounts);
        Event event = testEvents.published(owner, testEvents.details("API access", "Rennes", "concert", 5, "0",
                Visibility.PUBLIC));
        tokens = new LinkedHashMap<>();
        tokens.put("none", null);
        tokens.put("bad", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.bm90LWEtc2lnbmF0dXJl");
        User participant = Accounts.participant(accounts);
        Order order = testEvents.register(participant, event.getId(),
                testEvents.as(owner, () -> ticketTypes.of(event.getId())).get(0).getId(), 1);
        // the order routes get an order of another event: cancelling {id} (a route of the table) closes its orders
        Event another = testEvents.published(owner, testEvents.details("API orders", "Rennes", "concert", 5, "0",
                Visibility.PUBLIC));
        Order ownOrder = testEvents.register(participant, another.getId(),
                testEvents.as(owner, () -> ticketTypes.of(another.getId())).get(0).getId(), 1);
        tokens.put("participant", ApiTokens.accessToken(mvc, participant));
        tokens.put("organizer", ApiTokens.accessToken(mvc, owner));
        tokens.put("other", ApiTokens.accessToken(mvc, Accounts.organizer(accounts)));
        tokens.put("read", personal(owner, ApiScope.READ));
        tokens.put("checkin", personal(owner, ApiScope.CHECKIN));
        long typeId = ticketTypes.of(event.getId()).get(0).getId();
        pathValues = Map.of("id", String.valueOf(event.getId()), "typeId", String.valueOf(typeId),
                "orderId", String.valueOf(ownOrder.getId()),
                "ticketId", String.valueOf(testEvents.as(participant, () -> registrations.ownOrder(
                        AccountPrincipal.of(participant), order.getId()).getTickets().get(0).getId())));
    }

    @Test
    void everyApiRouteAnswersEachTokenAsTheTableSays() throws Exception {
        List<String> header = List.of(MATRIX.lines().findFirst().orElseThrow().trim().split("\\s+"));
        Map<String, List<String>> expected = new LinkedHashMap<>();
        MATRIX.lines().skip(1).map(String::trim).filter(line -> !line.isEmpty()).forEach(line -> {
            String[] cells = line.split("\\s+");
            expected.put(cells[0] + " " + cells[1], List.of(cells).subList(2, cells.length));
        });
        List<String> differences = new ArrayList<>();
        List<String> unlisted = new ArrayList<>();
        List<Route> apiRoutes = Routes.of(context).stream().filter(route -> route.pattern().startsWith("/api/"))
                .toList();
        for (Route route : apiRoutes) {
            List<String> actual = new ArrayList<>();
            for (String column : header) {
                actual.add(answer(route, tokens.get(column)));
            }
            List<String> wanted = expected.get(route.key());
            if (wanted == null) {
                unlisted.add(String.format("%-44s %s", route.key(), String.join("  ", actual)));
            } else if (!wanted.equals(actual)) {
                differences.add(route.key() + ": expected " + wanted + ", got " + actual);
            }
        }
        List<String> gone = expected.keySet().stream()
                .filter(key -> apiRoutes.stream().noneMatch(route -> route.key().equals(key))).toList();
        assertThat(unlisted).as("API routes the table does not list (with what each column gets now):\n%s",
                String.join("\n", unlisted)).isEmpty();
        assertThat(gone).as("lines for routes that no longer exist").isEmpty();
        assertThat(differences).as("answers that differ from the table").isEmpty();
    }

    /**
     * Each API operation says which scope it needs (or, signing in, that it needs no token), so a route added
     * without one is caught here rather than open to any token.
     */
    @Test
    void everyApiOperationNamesTheScopeItNeeds() {
        List<String> unmarked = Routes.of(context).stream()
                .filter(route -> route.pattern().startsWith("/api/v1/") && route.handler() != null)
                .filter(route -> route.handler().getBeanType().getPackageName().equals("org.guichet.api"))
                .filter(route -> !route.pattern().startsWith("/api/v1/auth/"))
                .filter(route -> !route.handler().hasMethodAnnotation(PreAuthorize.class)
                        && AnnotatedElementUtils.findMergedAnnotation(route.handler().getBeanType(),
                                PreAuthorize.class) == null)
                .map(Route::key)
                .toList();
        assertThat(unmarked).as("API operations without @ReadScope, @WriteScope, @CheckInScope or @VerifiedAccount")
                .isEmpty();
    }

    @AfterEach
    void leaveTheLimitsAsFound() {
        limits.forgetAll();
    }

    private String answer(Route route, String token) throws Exception {
        limits.forgetAll();
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(
                        HttpMethod.valueOf(route.requestMethod()), route.path(pathValues))
                .accept(MediaType.APPLICATION_JSON, MediaType.ALL)
                .with(ApiTokens.from(ClientAddresses.unique()));
        if (route.unsafe()) {
            request.contentType(MediaType.APPLICATION_JSON);
        }
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return String.valueOf(mvc.perform(request).andReturn().getResponse().getStatus());
    }

    private String personal(User owner, ApiScope scope) {
        return testEvents.as(owner, () -> personalTokens.create(AccountPrincipal.of(owner), "matrix " + scope,
                EnumSet.of(scope))).secret();
    }

}
