package org.guichet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.browser.BrowserTest;
import org.guichet.event.Event;
import org.guichet.event.Visibility;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.Race;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sessions over real HTTP: none for a visitor reading pages, and one session's requests never collide. */
@BrowserTest
class SessionsTests {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    TestEvents events;
    @Autowired
    TicketTypes ticketTypes;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aVisitorReadingPagesGetsNoSessionAndWritesNoSessionRow() throws Exception {
        Event event = events.published(Accounts.organizer(accounts), "Read without a session", "Nantes");
        Integer sessionsBefore = jdbc.queryForObject("select count(*) from spring_session", Integer.class);

        for (String page : List.of("/", "/events", "/events?q=session&city=Nantes", "/events/" + event.getId(),
                "/login", "/signup", "/password/forgot")) {
            HttpResponse<String> answer = send(get(page, ""));
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            assertThat(answer.headers().allValues("Set-Cookie")).as(page)
                    .noneMatch(cookie -> cookie.startsWith("SESSION="));
        }

        assertThat(jdbc.queryForObject("select count(*) from spring_session", Integer.class)).isEqualTo(sessionsBefore);
    }

    @Test
    void aVisitorSignsInWithTheTokenOfAPageThatMadeNoSession() throws Exception {
        User participant = Accounts.participant(accounts);
        String session = signIn(participant);
        assertThat(session).startsWith("SESSION=");
    }

    /**
     * Twenty registrations of one signed-in session at once for an event of one seat: one ticket, and every
     * answer a redirect with its message kept for the next page, never an error from the session store.
     */
    @Test
    void twentyRequestsOfOneSessionAtOnceAllSucceed() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event event = events.published(organizer, TestEvents.withCapacity(
                events.details("One seat, many tabs", "Lille", "conference", 5, "0", Visibility.PUBLIC), 1));
        long type = ticketTypes.of(event.getId()).get(0).getId();
        User buyer = Accounts.participant(accounts);
        String signedIn = signIn(buyer);
        HttpResponse<String> page = send(get("/events/" + event.getId(), signedIn));
        String cookies = signedIn + "; " + cookie(page, "guichet-csrf");
        String token = csrfToken(page.body());
        String form = "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&qty-" + type + "=1";

        List<Race.Outcome<Integer>> answers = Race.run(20,
                () -> send(post("/events/" + event.getId() + "/register", cookies, form)).statusCode());

        assertThat(answers).allMatch(Race.Outcome::succeeded);
        assertThat(answers).extracting(Race.Outcome::value).as("every answer a redirect").containsOnly(302);
        assertThat(jdbc.queryForObject("select count(*) from tickets t join orders o on o.id = t.order_id "
                + "where o.event_id = ?", Integer.class, event.getId())).isEqualTo(1);
        assertThat(send(get("/tickets", cookies)).statusCode()).isEqualTo(200);
    }

    /** Signs in through the login form, as a browser does; returns the session cookie. */
    private String signIn(User user) throws Exception {
        HttpResponse<String> page = send(get("/login", ""));
        String csrfCookie = cookie(page, "guichet-csrf");
        String form = "email=" + URLEncoder.encode(user.getEmail(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(Accounts.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrfToken(page.body()), StandardCharsets.UTF_8);
        HttpResponse<String> login = send(post("/login", csrfCookie, form));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).doesNotContain("error"));
        // signing in replaces the CSRF token: the next page sets a new one
        assertThat(cookie(login, "guichet-csrf")).isEqualTo("guichet-csrf=");
        return cookie(login, "SESSION");
    }

    private static String cookie(HttpResponse<?> answer, String name) {
        return answer.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith(name + "="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + answer.headers().map()));
    }

    private static String csrfToken(String html) {
        Matcher field = CSRF_FIELD.matcher(html);
        assertThat(field.find()).as("a form with a CSRF token").isTrue();
        return field.group(1);
    }

    private HttpRequest get(String path, String cookies) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html").header("Accept-Language", "en");
        return (cookies.isEmpty() ? request : request.header("Cookie", cookies)).build();
    }

    private HttpRequest post(String path, String cookies, String form) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html").header("Accept-Language", "en").header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
