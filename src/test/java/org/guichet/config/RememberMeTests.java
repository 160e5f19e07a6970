package org.guichet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.Cookie;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.support.Accounts;
import org.guichet.support.Browser;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.Race;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class RememberMeTests {

    private static final String COOKIE = "remember-me";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void tabsOpenedTogetherWithOneCookieAllGetInAndStaySignedIn() throws Exception {
        User user = Accounts.participant(accounts);
        String cookie = rememberedIn(new Browser(mvc), user);

        // The browser restarts without its session and opens four tabs at once, all with the same cookie.
        List<Race.Outcome<MockHttpServletResponse>> tabs = Race.run(4, () -> mvc.perform(get("/account")
                .cookie(new Cookie(COOKIE, cookie))).andReturn().getResponse());

        assertThat(tabs).allSatisfy(tab -> {
            assertThat(tab.failure()).isNull();
            assertThat(tab.value().getStatus()).isEqualTo(200);
        });
        Set<String> handedBack = tabs.stream().map(tab -> tab.value().getCookie(COOKIE).getValue())
                .collect(Collectors.toSet());
        assertThat(handedBack).as("every tab gets the one value now in force").hasSize(1).doesNotContain(cookie);
        clock.advance(Duration.ofHours(2));
        mvc.perform(get("/account").cookie(new Cookie(COOKIE, handedBack.iterator().next())))
                .andExpect(status().isOk());
        assertThat(rememberMeLoginsOf(user)).isEqualTo(1);
    }

    @Test
    void theValueJustReplacedStillSignsInDuringTheGrace() throws Exception {
        User user = Accounts.participant(accounts);
        Browser browser = new Browser(mvc);
        String first = rememberedIn(browser, user);
        browser.forget("SESSION");
        browser.open("/account").andExpect(status().isOk());
        String second = browser.cookieValue(COOKIE);
        assertThat(second).isNotEqualTo(first);

        clock.advance(Duration.ofSeconds(20));
        MockHttpServletResponse late = mvc.perform(get("/account").cookie(new Cookie(COOKIE, first)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(late.getCookie(COOKIE).getValue()).isEqualTo(second);
        assertThat(rememberMeLoginsOf(user)).isEqualTo(1);
    }

    @Test
    void anOldValueReplayedAfterTheGraceSignsTheAccountOutEverywhereAndSaysWhy() throws Exception {
        User user = Accounts.participant(accounts);
        Browser owner = new Browser(mvc);
        String stolen = rememberedIn(owner, user);
        owner.forget("SESSION");
        owner.open("/account").andExpect(status().isOk());
        assertThat(owner.hasCookie("SESSION")).isTrue();

        clock.advance(Duration.ofMinutes(5));
        Browser thief = new Browser(mvc).from("203.0.113.9");
        thief.perform(get("/account").cookie(new Cookie(COOKIE, stolen)))
                .andExpect(redirectedUrl("/login?signedOutEverywhere"));
        assertThat(thief.hasCookie(COOKIE)).as("the cookie is cleared").isFalse();
        assertThat(rememberMeLoginsOf(user)).isZero();
        thief.open("/login?signedOutEverywhere").andExpect(status().isOk())
                .andExpect(content().string(containsString("you have been signed out everywhere")));

        owner.open("/account").andExpect(redirectedUrl("/login"));
    }

    /** As Tomcat writes it; the production start test reads the real header. */
    @Test
    void theCookieIsHttpOnlySameSiteLaxAndSecureOverHttps() throws Exception {
        User user = Accounts.participant(accounts);
        Cookie overHttps = mvc.perform(post("/login").with(csrf()).secure(true)
                .param("email", user.getEmail()).param("password", Accounts.PASSWORD).param(COOKIE, "on"))
                .andReturn().getResponse().getCookie(COOKIE);
        assertThat(overHttps.isHttpOnly()).isTrue();
        assertThat(overHttps.getAttribute("SameSite")).isEqualTo("Lax");
        assertThat(overHttps.getSecure()).isTrue();
        assertThat(overHttps.getPath()).isEqualTo("/");
        assertThat(overHttps.getMaxAge()).isEqualTo((int) Duration.ofDays(30).toSeconds());

        Cookie overHttp = mvc.perform(post("/login").with(csrf())
                .param("email", user.getEmail()).param("password", Accounts.PASSWORD).param(COOKIE, "on"))
                .andReturn().getResponse().getCookie(COOKIE);
        assertThat(overHttp.isHttpOnly()).isTrue();
        assertThat(overHttp.getAttribute("SameSite")).isEqualTo("Lax");
        assertThat(overHttp.getSecure()).as("outside prod, Secure follows the request").isFalse();
    }

    private String rememberedIn(Browser browser, User user) throws Exception {
        browser.submit("/login", "email", user.getEmail(), "password", Accounts.PASSWORD, COOKIE, "on");
        assertThat(browser.hasCookie(COOKIE)).isTrue();
        return browser.cookieValue(COOKIE);
    }

    private int rememberMeLoginsOf(User user) {
        return jdbc.queryForObject("select count(*) from persistent_logins where username = ?", Integer.class,
                user.getEmail());
    }
}
