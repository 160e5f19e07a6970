package org.guichet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.browser.BrowserTest;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.event.Visibility;
import org.guichet.support.Accounts;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Visitors' pages over real HTTP: rendered once, served alike, never to someone signed in, dropped on a change. */
@BrowserTest
class PublicPageCacheTests {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    TestEvents events;
    @Autowired
    EventService eventService;

    @Test
    void theNextVisitorGetsThePageKeptWithoutTokenNorCookieAndWithTheSecurityHeaders() throws Exception {
        Event event = events.published(Accounts.organizer(accounts), "Kept for visitors", "Rennes");
        String page = "/events/" + event.getId();

        HttpResponse<String> first = send(get(page, "en", ""));
        HttpResponse<String> second = send(get(page, "en", ""));

        assertThat(first.headers().firstValue(PublicPageCache.HEADER)).hasValue("miss");
        assertThat(second.headers().firstValue(PublicPageCache.HEADER)).hasValue("hit");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body()).contains("Kept for visitors");
        for (HttpResponse<String> answer : new HttpResponse[] {first, second}) {
            assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
            assertThat(answer.body()).doesNotContain("_csrf").doesNotContain("csrf-token");
        }
        assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html").containsIgnoringCase("charset=UTF-8"));
        assertThat(second.headers().firstValue("Content-Security-Policy")).isEqualTo(
                first.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(second.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(second.headers().firstValue(RequestIdFilter.HEADER)).isPresent()
                .isNotEqualTo(first.headers().firstValue(RequestIdFilter.HEADER));
    }

    @Test
    void eachLanguageHasItsOwnPage() throws Exception {
        HttpResponse<String> english = send(get("/events", "en", ""));
        HttpResponse<String> french = send(get("/events", "fr", ""));
        HttpResponse<String> frenchAgain = send(get("/events", "fr-FR", ""));

        assertThat(english.body()).contains("lang=\"en\"");
        assertThat(french.body()).contains("lang=\"fr\"");
        assertThat(frenchAgain.body()).isEqualTo(french.body());
    }

    @Test
    void someoneSignedInNeverGetsAVisitorsPage() throws Exception {
        Event event = events.published(Accounts.organizer(accounts), "Seen signed in", "Rennes");
        String page = "/events/" + event.getId();
        send(get(page, "en", ""));
        assertThat(send(get(page, "en", "")).headers().firstValue(PublicPageCache.HEADER)).hasValue("hit");

        HttpResponse<String> remembered = send(get(page, "en", "remember-me=whatever"));
        HttpResponse<String> withSession = send(get(page, "en", "SESSION=whatever"));

        assertThat(remembered.headers().firstValue(PublicPageCache.HEADER)).isEmpty();
        assertThat(withSession.headers().firstValue(PublicPageCache.HEADER)).isEmpty();
    }

    @Test
    void aChangeToAnEventDropsTheKeptPagesAtOnce() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event event = events.published(organizer, "Before the change", "Brest");
        send(get("/events?city=Brest", "en", ""));
        assertThat(send(get("/events?city=Brest", "en", "")).body()).contains("Before the change");

        events.as(organizer, () -> eventService.update(event.getId(), AccountPrincipal.of(organizer),
                events.details("After the change", "Brest", "conference", 7, "0", Visibility.PUBLIC), null));

        HttpResponse<String> after = send(get("/events?city=Brest", "en", ""));
        assertThat(after.headers().firstValue(PublicPageCache.HEADER)).hasValue("miss");
        assertThat(after.body()).contains("After the change").doesNotContain("Before the change");
    }

    @Test
    void aVisitorSwitchesLanguageFromAKeptPageWithoutAToken() throws Exception {
        HttpResponse<String> switched = send(HttpRequest.newBuilder(URI.create(url("/locale")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("lang=fr&redirect=/events")).build());

        assertThat(switched.statusCode()).isEqualTo(302);
        assertThat(switched.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("guichet-lang=fr"));
        assertThat(send(get("/events", "en", "guichet-lang=fr")).body()).contains("lang=\"fr\"");
    }

    @Test
    void someoneRememberedStillNeedsATokenToSwitchLanguage() throws Exception {
        HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(url("/locale")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "remember-me=whatever")
                .POST(HttpRequest.BodyPublishers.ofString("lang=fr&redirect=/events")).build());

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void aPrivateLinkIsNeverKept() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event event = events.published(organizer, events.details("Private one", "Brest", "conference", 7, "0",
                Visibility.PRIVATE));
        String page = "/events/" + event.getId() + "?key=" + event.getPrivateToken();

        send(get(page, "en", ""));
        HttpResponse<String> again = send(get(page, "en", ""));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue(PublicPageCache.HEADER)).isEmpty();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private HttpRequest get(String path, String language, String cookies) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Accept", "text/html").header("Accept-Language", language);
        return (cookies.isEmpty() ? request : request.header("Cookie", cookies)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
