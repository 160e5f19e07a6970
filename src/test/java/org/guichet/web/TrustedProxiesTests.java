package org.guichet.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.support.Accounts;
import org.guichet.support.Browser;
import org.guichet.support.ClientAddresses;
import org.guichet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Forwarded headers through the whole application: the limits see the client as the trusted-proxy rule resolves
 * it, and redirects stay on the site (the test profile trusts 192.0.2.10 and 198.51.100.0/24).
 */
@IntegrationTest
class TrustedProxiesTests {

    private static final String PROXY = "192.0.2.10";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Test
    void aRotatingXForwardedForFromAnUntrustedClientDoesNotDodgeItsLimit() throws Exception {
        Browser client = new Browser(mvc).from(ClientAddresses.unique());
        for (int i = 0; i < 20; i++) {
            reset(client, "203.0.113." + i).andExpect(status().isOk());
        }
        reset(client, "203.0.113.200").andExpect(status().isTooManyRequests());
    }

    @Test
    void throughATrustedProxyTheLimitsCountTheForwardedClientNotTheProxy() throws Exception {
        Browser proxy = new Browser(mvc).from(PROXY);
        String client = "198.18.0.1";
        for (int i = 0; i < 20; i++) {
            reset(proxy, "10.9.9." + i + ", " + client).andExpect(status().isOk());
        }
        reset(proxy, "10.9.9.99, " + client).andExpect(status().isTooManyRequests());
        reset(proxy, "198.18.1.1").andExpect(status().isOk());
    }

    @Test
    void anUntrustedXForwardedHostDoesNotMoveTheRedirectAfterSignInOffTheSite() throws Exception {
        User user = Accounts.participant(accounts);
        Browser browser = new Browser(mvc).from(ClientAddresses.unique());
        browser.perform(get("/account").header("X-Forwarded-Host", "evil.example")
                        .header("X-Forwarded-Proto", "https").header("Forwarded", "host=evil.example"))
                .andExpect(redirectedUrl("/login"));
        browser.perform(post("/login").with(csrf()).header("X-Forwarded-Host", "evil.example")
                        .param("email", user.getEmail()).param("password", Accounts.PASSWORD))
                .andExpect(redirectedUrl("http://localhost/account?continue"));
    }

    @Test
    void aTrustedProxysSchemeAndHostAreTheSitesAddress() throws Exception {
        User user = Accounts.participant(accounts);
        Browser browser = new Browser(mvc).from(PROXY);
        browser.perform(get("/account").header("X-Forwarded-For", ClientAddresses.unique())
                        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "guichet.example"))
                .andExpect(redirectedUrl("/login"));
        browser.perform(post("/login").with(csrf()).header("X-Forwarded-Proto", "https")
                        .param("email", user.getEmail()).param("password", Accounts.PASSWORD))
                .andExpect(redirectedUrl("https://guichet.example/account?continue"));
    }

    private static ResultActions reset(Browser browser, String forwardedFor) throws Exception {
        return browser.perform(post("/password/reset").with(csrf()).header("X-Forwarded-For", forwardedFor)
                .param("token", "guess").param("password", "a long rare passphrase"));
    }
}
