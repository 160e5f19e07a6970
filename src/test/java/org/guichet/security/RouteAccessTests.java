package org.guichet.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.assertj.core.api.SoftAssertions;
import org.guichet.limits.RateLimiter;
import org.guichet.security.Routes.Route;
import org.guichet.security.SecurityFixture.Role;
import org.guichet.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every route the application maps, asked by every role, with a valid CSRF token on unsafe methods: the answer
 * each gets is written below, one line per route. A route the table does not list fails the test, so a new route
 * is decided on the day it is added; a line for a route that no longer exists fails it too.
 *
 * <p>The rules the table keeps: a visitor is sent to sign in for a page that needs an account; another organizer's
 * event, and another person's order or ticket, do not exist (404, never 403); someone without the organizer role
 * asking for one event's dashboard pages is told the same 404; the dashboard's own pages and the administrators'
 * pages answer 403 to a signed-in account without the role (those addresses are no secret). An account whose address
 * is not confirmed yet is answered 403, with the page that asks to confirm it, for all it may not do until then
 * (registering, paying, the waiting list, invitations, and, for an organizer, the dashboard). Refused actions are
 * redirects (the refusal is shown on the next page) or the form again (200), never a server error.
 *
 * <p>{@code {id}} is the fixture's public event, except under {@code /orders} (the participant's held paid order),
 * {@code /tickets} (the participant's free ticket), {@code /admin} (an unused category; a mail, sent, under
 * {@code /admin/mail}; the participant, or a fresh account for an action, under {@code /admin/users}),
 * {@code /dev} (a mail) and
 * {@code /sandbox} (the held order's checkout page), {@code /dashboard/webhooks} (the owner's webhook endpoint,
 * {@code {deliveryId}} one of its deliveries). See {@link SecurityFixture}.
 */
@IntegrationTest
class RouteAccessTests {

    static final String MATRIX = """
                                                                    visitor  unverified  participant  organizer  owner  admin
            GET  /                                                  200      200         200          200        200    200
            GET  /.well-known/guichet-ticket-key                    200      200         200          200        200    200
            ANY  /error                                             404      404         404          404        404    404
            GET  /actuator/health                                   200      200         200          200        200    200
            GET  /actuator/health/**                                404      404         404          404        404    404
            GET  /login                                             200      200         200          200        200    200
            POST /login                                             302      302         302          302        302    302
            POST /login/throttled                                   302      302         302          302        302    302
            POST /logout                                            302      302         302          302        302    302
            POST /locale                                            302      302         302          302        302    302
            GET  /signup                                            200      200         200          200        200    200
            POST /signup                                            200      200         200          200        200    200
            GET  /signup/sent                                       200      200         200          200        200    200
            GET  /password/forgot                                   200      200         200          200        200    200
            POST /password/forgot                                   200      200         200          200        200    200
            GET  /password/reset                                    200      200         200          200        200    200
            POST /password/reset                                    200      200         200          200        200    200
            GET  /account                                           login    200         200          200        200    200
            POST /account/profile                                   login    200         200          200        200    200
            POST /account/photo                                     login    200         200          200        200    200
            POST /account/photo/delete                              login    302         302          302        302    302
            POST /account/password                                  login    200         200          200        200    200
            POST /account/email                                     login    200         200          200        200    200
            POST /account/mail-choices                              login    302         302          302        302    302
            GET  /account/api-tokens                                login    403         403          200        200    200
            POST /account/api-tokens                                login    403         403          200        200    200
            POST /account/api-tokens/{id}/revoke                    login    403         403          404        404    404
            GET  /mail/unsubscribe                                  400      400         400          400        400    400
            POST /mail/unsubscribe                                  400      400         400          400        400    400
            POST /mail/resubscribe                                  400      400         400          400        400    400
            GET  /account/photo                                     login    404         404          404        404    404
            ANY  /account/verification/required                     login    200         200          200        200    200
            POST /account/verification/resend                       login    302         302          302        302    302
            GET  /account/verify                                    400      400         400          400        400    400
            POST /account/verify                                    400      400         400          400        400    400
            GET  /account/email/confirm                             400      400         400          400        400    400
            GET  /dev/mailbox                                       200      200         200          200        200    200
            GET  /dev/mailbox/{id}                                  200      200         200          200        200    200
            GET  /dev/mailbox/{id}/html                             200      200         200          200        200    200
            GET  /dev/mailbox/{id}/attachments/{attachmentId}       200      200         200          200        200    200

            GET  /events                                            200      200         200          200        200    200
            GET  /events/{id}                                       200      200         200          200        200    200
            GET  /events/{id}/{slug}                                200      200         200          200        200    200
            GET  /events/{id}/calendar.ics                          200      200         200          200        200    200
            GET  /events/{id}/picture/{size}                        200      200         200          200        200    200
            GET  /events/{id}[draft]                                404      404         404          404        200    200
            GET  /events/{id}/{slug}[draft]                         404      404         404          404        200    200
            GET  /events/{id}/calendar.ics[draft]                   404      404         404          404        200    200
            GET  /events/{id}[private]                              404      404         200          404        200    200
            GET  /events/{id}/calendar.ics[private]                 404      404         200          404        200    200
            GET  /invitations                                       login    403         200          200        200    200
            GET  /invitations/accept                                login    403         400          400        400    400
            GET  /events/{id}/register                              login    403         200          200        200    200
            POST /events/{id}/register                              login    403         302          302        302    302
            GET  /events/{id}/register[draft]                       login    403         404          404        200    200
            POST /events/{id}/register[draft]                       login    403         404          404        302    302
            POST /events/{id}/register[private]                     login    403         302          404        302    302
            GET  /events/{id}/waitlist                              login    403         302          302        302    302
            POST /events/{id}/waitlist                              login    403         302          302        302    302
            POST /waitlist/{entryId}/leave                          login    403         302          404        404    404
            POST /waitlist/{entryId}/claim                          login    403         302          404        404    404

            GET  /tickets                                           login    200         200          200        200    200
            GET  /tickets/{id}                                      login    404         200          404        200    200
            GET  /tickets/{id}/qr.png                               login    404         200          404        200    200
            GET  /tickets/{id}/ticket.pdf                           login    404         200          404        200    200
            GET  /tickets/{id}/calendar.ics                         login    404         200          404        200    200
            POST /tickets/{id}/attendee                             login    404         302          404        404    404
            POST /tickets/{id}/resend                               login    404         302          404        404    404
            GET  /tickets/{id}[othersTicket]                        login    404         404          404        200    200
            GET  /tickets/{id}/ticket.pdf[othersTicket]             login    404         404          404        200    200
            POST /tickets/{id}/attendee[othersTicket]               login    404         404          404        404    404
            POST /tickets/{id}/resend[othersTicket]                 login    404         404          404        404    404
            GET  /orders/{id}/pay                                   login    403         200          404        404    404
            POST /orders/{id}/pay                                   login    403         302          404        404    404
            GET  /orders/{id}/return                                login    403         200          404        404    404
            GET  /orders/{id}/status                                login    403         200          404        404    404
            POST /orders/{id}/cancel                                login    403         302          404        404    404
            POST /orders/{id}/refund                                login    403         302          404        404    404
            GET  /orders/{id}/receipt.pdf                           login    403         404          404        404    404
            GET  /orders/{id}/pay[others]                           login    403         404          404        404    404
            POST /orders/{id}/cancel[others]                        login    403         404          404        404    404
            POST /orders/{id}/refund[others]                        login    403         404          404        404    404
            GET  /sandbox/checkout/{id}                             200      200         200          200        200    200
            POST /sandbox/checkout/{id}                             200      200         200          200        200    200
            POST /payments/webhook/sandbox                          400      400         400          400        400    400
            POST /payments/webhook/stripe                           400      400         400          400        400    400

            GET  /dashboard                                         login    403         403          200        200    200
            GET  /dashboard/events/new                              login    403         403          200        200    200
            POST /dashboard/events/new                              login    403         403          200        200    200
            GET  /dashboard/events/{id}                             login    403         404          404        200    200
            GET  /dashboard/events/{id}[draft]                      login    403         404          404        200    200
            GET  /dashboard/events/{id}/edit                        login    403         404          404        200    200
            POST /dashboard/events/{id}/edit                        login    403         404          404        200    200
            POST /dashboard/events/{id}/publish                     login    403         404          404        302    302
            POST /dashboard/events/{id}/cancel                      login    403         404          404        302    302
            POST /dashboard/events/{id}/delete                      login    403         404          404        302    302
            POST /dashboard/events/{id}/duplicate                   login    403         404          404        302    302
            POST /dashboard/events/{id}/private-link                login    403         404          404        302    302
            POST /dashboard/events/{id}/invitations                 login    403         404          404        302    302
            GET  /dashboard/events/{id}/tickets                     login    403         404          404        200    200
            POST /dashboard/events/{id}/tickets                     login    403         404          404        200    200
            POST /dashboard/events/{id}/tickets/{typeId}            login    403         404          404        302    302
            POST /dashboard/events/{id}/tickets/{typeId}/close      login    403         404          404        302    302
            POST /dashboard/events/{id}/tickets/{typeId}/reopen     login    403         404          404        302    302
            POST /dashboard/events/{id}/tickets/{typeId}/delete     login    403         404          404        302    302
            GET  /dashboard/events/{id}/attendees                   login    403         404          404        200    200
            GET  /dashboard/events/{id}/attendees.{format:csv|xlsx} login    403         404          404        200    200
            GET  /dashboard/events/{id}/attendees/message           login    403         404          404        200    200
            POST /dashboard/events/{id}/attendees/message/preview   login    403         404          404        200    200
            POST /dashboard/events/{id}/attendees/message           login    403         404          404        200    200
            GET  /dashboard/events/{id}/checkin                     login    403         404          404        200    200
            POST /dashboard/events/{id}/checkin                     login    403         404          404        200    200
            GET  /dashboard/events/{id}/checkin/progress            login    403         404          404        200    200
            POST /dashboard/events/{id}/checkin/{ticketId}          login    403         404          404        200    200
            POST /dashboard/events/{id}/checkin/{ticketId}/undo     login    403         404          404        200    200

            GET  /dashboard/webhooks                                login    403         403          200        200    200
            POST /dashboard/webhooks                                login    403         403          200        200    200
            GET  /dashboard/webhooks/{id}                           login    403         403          404        200    200
            POST /dashboard/webhooks/{id}                           login    403         403          404        200    200
            POST /dashboard/webhooks/{id}/disable                   login    403         403          404        302    302
            POST /dashboard/webhooks/{id}/enable                    login    403         403          404        302    302
            POST /dashboard/webhooks/{id}/secret                    login    403         403          404        302    302
            POST /dashboard/webhooks/{id}/delete                    login    403         403          404        302    302
            POST /dashboard/webhooks/{id}/deliveries/{deliveryId}/resend login 403      403          404        302    302

            GET  /admin/categories                                  login    403         403          403        403    200
            POST /admin/categories                                  login    403         403          403        403    302
            POST /admin/categories/{id}                             login    403         403          403        403    302
            GET  /admin/categories/{id}/delete                      login    403         403          403        403    200
            POST /admin/categories/{id}/delete                      login    403         403          403        403    302
            GET  /admin/mail                                        login    403         403          403        403    200
            GET  /admin/users                                       login    403         403          403        403    200
            GET  /admin/users/{id}                                  login    403         403          403        403    200
            POST /admin/users/{id}/disable                          login    403         403          403        403    302
            POST /admin/users/{id}/enable                           login    403         403          403        403    302
            POST /admin/users/{id}/organizer/grant                  login    403         403          403        403    302
            POST /admin/users/{id}/organizer/remove                 login    403         403          403        403    302
            POST /admin/mail/{id}/retry                             login    403         403          403        403    302
            POST /admin/mail/addresses/clear                        login    403         403          403        403    302

            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    RateLimiter limits;

    SecurityFixture fixture;
    List<Route> routes;
    List<Route> apiRoutes;

    @BeforeEach
    void world() {
        fixture = SecurityFixture.in(context);
        // The API (/api/**) signs in by bearer token, never by session or cookie: ApiRouteAccessTests has its table.
        routes = Routes.of(context).stream().filter(route -> !route.pattern().startsWith("/api/")).toList();
        apiRoutes = Routes.of(context).stream().filter(route -> route.pattern().startsWith("/api/")).toList();
    }

    @Test
    void everyRouteAnswersEachRoleAsTheTableSays() {
        RouteMatrix matrix = RouteMatrix.parse(MATRIX);
        Map<String, Supplier<Map<String, String>>> consumed = fixture.consumed();
        List<String[]> differences = new ArrayList<>();
        List<String> unlisted = new ArrayList<>();
        for (Route route : routes) {
            List<String> actual = new ArrayList<>();
            for (Role role : Role.values()) {
                String answer = ask(route, role, consumed.get(route.key()), Map.of());
                actual.add(answer);
                if (matrix.has(route.key()) && !answer.equals(matrix.expected(route.key(), role))) {
                    differences.add(new String[] {route.key(), RouteMatrix.name(role),
                            matrix.expected(route.key(), role), answer});
                }
            }
            if (!matrix.has(route.key())) {
                unlisted.add(String.format("%-64s %s", route.key(), String.join("  ", actual)));
            }
        }
        List<String> gone = new ArrayList<>();
        for (String line : matrix.routeKeys()) {
            String key = line.replaceFirst("\\[\\w+]$", "");
            Route route = routes.stream().filter(candidate -> candidate.key().equals(key)).findFirst().orElse(null);
            if (route == null) {
                gone.add(line);
            } else if (!line.equals(key)) {
                Map<String, String> target = fixture.target(line.substring(key.length() + 1, line.length() - 1));
                for (Role role : Role.values()) {
                    String answer = ask(route, role, null, target);
                    if (!answer.equals(matrix.expected(line, role))) {
                        differences.add(new String[] {line, RouteMatrix.name(role), matrix.expected(line, role),
                                answer});
                    }
                }
            }
        }

        SoftAssertions table = new SoftAssertions();
        table.assertThat(unlisted).as("routes the table does not list (with what each role gets now):\n%s",
                String.join("\n", unlisted)).isEmpty();
        table.assertThat(gone).as("lines for routes that no longer exist").isEmpty();
        table.assertThat(differences).as("answers that differ from the table:\n%s", RouteMatrix.report(differences))
                .isEmpty();
        table.assertAll();
    }

    @Test
    void everyUnsafeRouteRefusesARequestWithoutItsCsrfToken() {
        List<String> exempt = List.of("POST /payments/webhook/sandbox", "POST /payments/webhook/stripe",
                "POST /mail/unsubscribe", "POST /mail/resubscribe");
        List<String> accepted = new ArrayList<>();
        for (Route route : routes.stream().filter(Route::unsafe).toList()) {
            for (Role role : List.of(Role.VISITOR, Role.OWNER, Role.ADMIN)) {
                limits.forgetAll();
                String answer = RouteMatrix.answer(mvc, route.requestMethod(), route.path(fixture.pathValues(
                        route.pattern())), route.required(fixture.requiredParameters()), fixture.user(role), false);
                boolean refused = answer.equals("403");
                // a visitor's language switch: the pages kept for all visitors carry no token
                boolean visitorsLanguage = role == Role.VISITOR && route.key().equals("POST /locale");
                if (refused == (exempt.contains(route.key()) || visitorsLanguage)) {
                    accepted.add(route.key() + " as " + RouteMatrix.name(role) + ": " + answer);
                }
            }
        }
        // The API's unsafe routes take no CSRF token (bearer tokens, no cookies): never refused for lacking one.
        for (Route route : apiRoutes.stream().filter(Route::unsafe).toList()) {
            limits.forgetAll();
            String answer = RouteMatrix.answer(mvc, route.requestMethod(), route.path(fixture.pathValues(
                    route.pattern())), Map.of(), null, false);
            if (answer.equals("403")) {
                accepted.add(route.key() + " (API) as visitor: " + answer);
            }
        }
        assertThat(apiRoutes).as("the API's routes, exempt from CSRF").isNotEmpty();
        assertThat(accepted).as("unsafe routes that do not refuse a missing CSRF token with 403 (the gateways' "
                + "signed webhooks, the signed unsubscribe links, a visitor's language switch and the API excepted, "
                + "which must not need one)").isEmpty();
    }

    @AfterEach
    void leaveTheLimitsAsFound() {
        limits.forgetAll();
    }

    private String ask(Route route, Role role, Supplier<Map<String, String>> fresh, Map<String, String> target) {
        // each cell is about access: the rate limits (tested in RateLimitTests) start full for every request
        limits.forgetAll();
        Map<String, String> values = new HashMap<>(fixture.pathValues(route.pattern()));
        values.putAll(target);
        if (fresh != null) {
            values.putAll(fresh.get());
        }
        return RouteMatrix.answer(mvc, route.requestMethod(), route.path(values),
                route.required(fixture.requiredParameters()), fixture.user(role), route.unsafe());
    }
}
