package org.guichet.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.support.Accounts;
import org.guichet.support.Browser;
import org.guichet.support.ClientAddresses;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Each limited action is refused past its limit with 429, Retry-After and when to try again, then let through. */
@IntegrationTest
class RateLimitTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents events;

    @Autowired
    MutableClock clock;

    @Autowired
    RateLimitSettings settings;

    @Test
    void theDefaultsAreTheOnesTheReadmeLists() {
        assertThat(settings.maxTrackedKeys()).isEqualTo(50_000);
        assertThat(settings.signup().perAddress()).hasToString("50/1h");
        assertThat(settings.login().perAddress()).hasToString("100/10m");
        assertThat(settings.passwordResetRequest()).extracting(l -> l.perAddress().toString(),
                l -> l.perAccount().toString()).containsExactly("20/1h", "3/1h");
        assertThat(settings.passwordReset().perAddress()).hasToString("20/1h");
        assertThat(settings.emailChange()).extracting(l -> l.perAddress().toString(), l -> l.perAccount().toString())
                .containsExactly("20/1h", "5/1h");
        assertThat(settings.verificationResend()).extracting(l -> l.perAddress().toString(),
                l -> l.perAccount().toString()).containsExactly("20/1h", "3/1h");
        assertThat(settings.ticketResend()).extracting(l -> l.perAddress().toString(),
                l -> l.perAccount().toString()).containsExactly("20/1h", "5/1h");
        assertThat(settings.invitation()).extracting(l -> l.perAddress().toString(), l -> l.perAccount().toString(),
                l -> l.perEvent().toString()).containsExactly("200/1d", "100/1d", "50/1d");
        assertThat(settings.attendeeMail()).extracting(l -> l.perAddress().toString(),
                l -> l.perAccount().toString(), l -> l.perEvent().toString())
                .containsExactly("20/1d", "10/1d", "3/1d");
        assertThat(settings.addressInUseMail().perAccount()).hasToString("3/1d");
    }

    @Test
    void limitsSignUpsPerClientAddressAndSaysWhenToTryAgainInTheReadersLanguage() throws Exception {
        Browser crowd = new Browser(mvc).from(ClientAddresses.unique());
        for (int i = 0; i < 50; i++) {
            crowd.submit("/signup", "email", "").andExpect(status().isOk());
        }
        crowd.submit("/signup", "email", "")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "72"))
                .andExpect(content().string(containsString("Please try again in 72 seconds.")));
        crowd.perform(post("/signup").with(csrf()).header("Accept-Language", "fr").param("email", ""))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Réessayez dans 72 secondes.")));
        new Browser(mvc).from(ClientAddresses.unique()).submit("/signup", "email", "").andExpect(status().isOk());

        clock.advance(Duration.ofSeconds(72));
        crowd.submit("/signup", "email", "").andExpect(status().isOk());
        crowd.submit("/signup", "email", "").andExpect(status().isTooManyRequests());
    }

    @Test
    void limitsResetLinksPerTypedAddressAcrossClientsWhetherOrNotTheAccountExists() throws Exception {
        String nobody = Accounts.uniqueEmail("nobody");
        for (int i = 0; i < 3; i++) {
            new Browser(mvc).from(ClientAddresses.unique()).submit("/password/forgot", "email", nobody)
                    .andExpect(status().isOk());
        }
        new Browser(mvc).from(ClientAddresses.unique()).submit("/password/forgot", "email", nobody.toUpperCase())
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "1200"))
                .andExpect(content().string(containsString("Please try again in 20 minutes.")));

        clock.advance(Duration.ofMinutes(20));
        new Browser(mvc).from(ClientAddresses.unique()).submit("/password/forgot", "email", nobody)
                .andExpect(status().isOk());
    }

    @Test
    void limitsResetLinksPerClientAddressAcrossTypedAddresses() throws Exception {
        Browser browser = new Browser(mvc).from(ClientAddresses.unique());
        for (int i = 0; i < 20; i++) {
            browser.submit("/password/forgot", "email", Accounts.uniqueEmail("many")).andExpect(status().isOk());
        }
        browser.submit("/password/forgot", "email", Accounts.uniqueEmail("many"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "180"));
        clock.advance(Duration.ofMinutes(3));
        browser.submit("/password/forgot", "email", Accounts.uniqueEmail("many")).andExpect(status().isOk());
    }

    @Test
    void limitsNewPasswordsChosenFromOneClientAddress() throws Exception {
        Browser browser = new Browser(mvc).from(ClientAddresses.unique());
        for (int i = 0; i < 20; i++) {
            browser.submit("/password/reset", "token", "guess-" + i, "password", "a long rare passphrase")
                    .andExpect(status().isOk());
        }
        browser.submit("/password/reset", "token", "guess", "password", "a long rare passphrase")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "180"));
        clock.advance(Duration.ofMinutes(3));
        browser.submit("/password/reset", "token", "guess", "password", "a long rare passphrase")
                .andExpect(status().isOk());
    }

    @Test
    void limitsEmailChangesPerAccountAcrossAddressesAndPerAddressAcrossAccounts() throws Exception {
        User user = Accounts.participant(accounts);
        for (int i = 0; i < 5; i++) {
            changeEmail(user, ClientAddresses.unique()).andExpect(status().isOk());
        }
        changeEmail(user, ClientAddresses.unique())
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "720"))
                .andExpect(content().string(containsString("Please try again in 12 minutes.")));

        String office = ClientAddresses.unique();
        for (int i = 0; i < 20; i++) {
            changeEmail(Accounts.participant(accounts), office).andExpect(status().isOk());
        }
        changeEmail(Accounts.participant(accounts), office).andExpect(status().isTooManyRequests());

        clock.advance(Duration.ofMinutes(12));
        changeEmail(user, ClientAddresses.unique()).andExpect(status().isOk());
    }

    @Test
    void limitsInvitationsPerEventAndPerOrganizerPerDay() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event first = events.published(organizer, "Private dinner", "Lyon");
        Event second = events.published(organizer, "Private lunch", "Lyon");
        Event third = events.published(organizer, "Private breakfast", "Lyon");
        Browser browser = new Browser(mvc).from(ClientAddresses.unique());

        for (int i = 0; i < 50; i++) {
            invite(browser, organizer, first).andExpect(redirectedUrl("/dashboard/events/" + first.getId()
                    + "#invitations"));
        }
        invite(browser, organizer, first)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "1728"))
                .andExpect(content().string(containsString("Please try again in 29 minutes.")));

        for (int i = 0; i < 49; i++) {
            invite(browser, organizer, second).andExpect(status().is3xxRedirection());
        }
        invite(browser, organizer, third)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "864"))
                .andExpect(content().string(containsString("Please try again in 15 minutes.")));

        clock.advance(Duration.ofMinutes(15));
        invite(browser, organizer, third).andExpect(status().is3xxRedirection());
    }

    @Test
    void anotherOrganizersRequestsDoNotUseUpAnEventsInvitations() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event event = events.published(organizer, "Private tasting", "Dijon");
        User stranger = Accounts.organizer(accounts);
        Browser browser = new Browser(mvc).from(ClientAddresses.unique());
        for (int i = 0; i < 60; i++) {
            invite(browser, stranger, event).andExpect(status().isNotFound());
        }
        invite(new Browser(mvc).from(ClientAddresses.unique()), organizer, event)
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void answersAnHtmxRequestWithTheMessageAlone() throws Exception {
        Browser browser = new Browser(mvc).from(ClientAddresses.unique());
        for (int i = 0; i < 20; i++) {
            browser.submit("/password/reset", "token", "guess-" + i, "password", "a long rare passphrase");
        }
        browser.perform(post("/password/reset").with(csrf()).header("HX-Request", "true").param("token", "x"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "180"))
                .andExpect(content().string(containsString("Please try again in 3 minutes.")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void limitsNewVerificationLinksPerAccountAcrossAddresses() throws Exception {
        User newcomer = Accounts.unverifiedParticipant(accounts);
        for (int i = 0; i < 3; i++) {
            resendVerification(newcomer, ClientAddresses.unique()).andExpect(status().is3xxRedirection());
        }
        resendVerification(newcomer, ClientAddresses.unique())
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "1200"))
                .andExpect(content().string(containsString("Please try again in 20 minutes.")));

        clock.advance(Duration.ofMinutes(20));
        resendVerification(newcomer, ClientAddresses.unique()).andExpect(status().is3xxRedirection());
    }

    private ResultActions resendVerification(User user, String address) throws Exception {
        return new Browser(mvc).from(address).perform(post("/account/verification/resend").with(csrf())
                .with(authentication(Accounts.signedIn(user))));
    }

    private ResultActions changeEmail(User user, String address) throws Exception {
        return new Browser(mvc).from(address).perform(post("/account/email").with(csrf())
                .with(authentication(Accounts.signedIn(user)))
                .param("newEmail", Accounts.uniqueEmail("moved")).param("currentPassword", "not the password"));
    }

    private ResultActions invite(Browser browser, User organizer, Event event) throws Exception {
        return browser.perform(post("/dashboard/events/" + event.getId() + "/invitations").with(csrf())
                .with(authentication(Accounts.signedIn(organizer)))
                .param("email", Accounts.uniqueEmail("guest")));
    }
}
