package org.guichet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.guichet.support.Accounts;
import org.guichet.support.Browser;
import org.guichet.support.ClientAddresses;
import org.guichet.support.Forwards;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Wrong passwords slow sign-in down; nobody can lock the owner out (issue: "anyone can lock anyone out"). */
@IntegrationTest
class LoginThrottleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    TestMail mail;

    @Autowired
    MutableClock clock;

    @Test
    void tenWrongPasswordsFromOneAddressDoNotKeepTheOwnerOutFromAnother() throws Exception {
        User owner = Accounts.participant(accounts);
        Browser attacker = new Browser(mvc).from(ClientAddresses.unique());
        for (int attempt = 1; attempt <= 10; attempt++) {
            attacker.logIn(owner.getEmail(), "wrong password " + attempt).andExpect(redirectedUrl("/login?error"));
            clock.advance(Duration.ofMinutes(1));
        }
        attacker.logIn(owner.getEmail(), Accounts.PASSWORD).andExpect(status().isTooManyRequests());

        new Browser(mvc).from(ClientAddresses.unique()).logIn(owner.getEmail(), Accounts.PASSWORD)
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void slowsWrongPasswordsFromOneAddressWithGrowingWaitsAndSaysWhenToTryAgain() throws Exception {
        User owner = Accounts.participant(accounts);
        Browser browser = new Browser(mvc).from(ClientAddresses.unique());
        for (int attempt = 1; attempt <= 5; attempt++) {
            browser.logIn(owner.getEmail(), "wrong password " + attempt).andExpect(redirectedUrl("/login?error"));
        }
        browser.logIn(owner.getEmail(), "wrong password 6").andExpect(redirectedUrl("/login?error"));

        MvcResult refused = browser.logIn(owner.getEmail(), Accounts.PASSWORD)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(forwardedUrl("/login/throttled"))
                .andReturn();
        String page = Forwards.follow(browser, refused)
                .andExpect(status().isTooManyRequests())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Too many failed attempts. Please try again in 5 seconds.")
                .contains("value=\"" + owner.getEmail() + "\"");

        clock.advance(Duration.ofSeconds(5));
        browser.logIn(owner.getEmail(), "wrong password 7").andExpect(redirectedUrl("/login?error"));
        browser.logIn(owner.getEmail(), Accounts.PASSWORD).andExpect(header().string("Retry-After", "10"));
        clock.advance(Duration.ofSeconds(10));
        browser.logIn(owner.getEmail(), Accounts.PASSWORD).andExpect(redirectedUrl("/"));
    }

    @Test
    void failuresFromManyAddressesSlowTheAccountForTwoMinutesAtMost() throws Exception {
        User owner = Accounts.participant(accounts);
        for (int attempt = 1; attempt <= 20; attempt++) {
            new Browser(mvc).from(ClientAddresses.unique()).logIn(owner.getEmail(), "wrong password " + attempt)
                    .andExpect(redirectedUrl("/login?error"));
            clock.advance(Duration.ofMinutes(2));
        }
        new Browser(mvc).from(ClientAddresses.unique()).logIn(owner.getEmail(), "wrong password 21");

        Browser ownersPhone = new Browser(mvc).from(ClientAddresses.unique());
        MvcResult refused = ownersPhone.logIn(owner.getEmail(), Accounts.PASSWORD)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "120"))
                .andReturn();
        Forwards.follow(ownersPhone, refused).andExpect(result -> assertThat(result.getResponse()
                .getContentAsString()).contains("Please try again in 2 minutes."));

        clock.advance(Duration.ofMinutes(2));
        ownersPhone.logIn(owner.getEmail(), Accounts.PASSWORD).andExpect(redirectedUrl("/"));
    }

    @Test
    void answersAnUnknownAccountExactlyAsAKnownOne() throws Exception {
        User owner = Accounts.participant(accounts);
        String unknown = Accounts.uniqueEmail("nobody");
        String known = refusedPage(owner.getEmail());
        String stranger = refusedPage(unknown);
        assertThat(stranger.replace(unknown, owner.getEmail())).isEqualTo(known);
        assertThat(known).contains("Please try again in 5 seconds.");
    }

    @Test
    void aPasswordResetForgetsEveryFailureCountedAgainstTheAccount() throws Exception {
        User owner = Accounts.participant(accounts);
        for (int attempt = 1; attempt <= 10; attempt++) {
            new Browser(mvc).from(ClientAddresses.unique()).logIn(owner.getEmail(), "elsewhere " + attempt);
            clock.advance(Duration.ofMinutes(2));
        }
        Browser browser = new Browser(mvc).from(ClientAddresses.unique());
        for (int attempt = 1; attempt <= 7; attempt++) {
            clock.advance(Duration.ofMinutes(2));
            browser.logIn(owner.getEmail(), "wrong password " + attempt).andExpect(redirectedUrl("/login?error"));
        }
        browser.logIn(owner.getEmail(), Accounts.PASSWORD).andExpect(status().isTooManyRequests());
        new Browser(mvc).from(ClientAddresses.unique()).logIn(owner.getEmail(), Accounts.PASSWORD)
                .andExpect(status().isTooManyRequests());

        browser.submit("/password/forgot", "email", owner.getEmail()).andExpect(status().isOk());
        String link = TestMail.firstLinkPath(mail.deliverAndRead(owner.getEmail()).get(0));
        String token = link.substring(link.indexOf("token=") + 6);
        browser.submit("/password/reset", "token", token, "password", "a brand new rare passphrase")
                .andExpect(redirectedUrl("/login?reset"));

        browser.logIn(owner.getEmail(), "a brand new rare passphrase").andExpect(redirectedUrl("/"));
    }

    private String refusedPage(String email) throws Exception {
        Browser browser = new Browser(mvc).from(ClientAddresses.unique());
        for (int attempt = 1; attempt <= 6; attempt++) {
            browser.logIn(email, "wrong password " + attempt).andExpect(redirectedUrl("/login?error"));
        }
        MvcResult refused = browser.logIn(email, "any password").andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "5")).andReturn();
        return Forwards.follow(browser, refused).andReturn().getResponse().getContentAsString()
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
                .replaceAll("content=\"[^\"]*\"", "");
    }
}
