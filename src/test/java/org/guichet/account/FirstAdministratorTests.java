package org.guichet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;

import org.guichet.account.FirstAdministrator.Outcome;
import org.guichet.support.Accounts;
import org.guichet.support.Browser;
import org.guichet.support.ClientAddresses;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.Race;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class FirstAdministratorTests {

    @Autowired
    FirstAdministrator firstAdministrator;

    @Autowired
    UserRepository users;

    @Autowired
    AccountService accounts;

    @Autowired
    TestMail mail;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Test
    void theConfiguredAddressBecomesAnAdministratorWhoChoosesAPasswordThroughTheMailedLink() throws Exception {
        String email = Accounts.uniqueEmail("owner");
        assertThat(firstAdministrator.appoint("  " + email.toUpperCase(Locale.ROOT) + " ")).isEqualTo(Outcome.CREATED);

        User administrator = users.findByEmail(email).orElseThrow();
        assertThat(administrator.getRoles()).containsExactlyInAnyOrder(Role.PARTICIPANT, Role.ORGANIZER, Role.ADMIN);
        assertThat(administrator.isEmailVerified()).isTrue();
        MimeMessage welcome = mail.deliverAndRead(email).get(0);
        assertThat(welcome.getSubject()).isEqualTo("Choose the password of your Guichet administrator account");
        assertThat(TestMail.text(welcome)).contains(email).contains("valid for 72 hours");

        // A restart changes nothing and sends nothing more.
        assertThat(firstAdministrator.appoint(email)).isEqualTo(Outcome.ALREADY_ADMINISTRATOR);
        assertThat(mail.deliverAndRead(email)).hasSize(1);

        clock.advance(Duration.ofHours(71));
        String link = TestMail.firstLinkPath(welcome);
        assertThat(link).startsWith("/password/reset?token=");
        Browser browser = new Browser(mvc);
        browser.open(link).andExpect(status().isOk());
        browser.submit("/password/reset", "token", link.substring(link.indexOf("token=") + 6),
                "password", "the owner's rare passphrase").andExpect(redirectedUrl("/login?reset"));
        browser.logIn(email, "the owner's rare passphrase").andExpect(redirectedUrl("/"));
        browser.open("/admin/categories").andExpect(status().isOk())
                .andExpect(content().string(containsString("conference")));
    }

    @Test
    void theFirstPasswordLinkExpiresAfterThreeDays() throws Exception {
        String email = Accounts.uniqueEmail("late-owner");
        firstAdministrator.appoint(email);
        String link = TestMail.firstLinkPath(mail.deliverAndRead(email).get(0));

        clock.advance(Duration.ofHours(73));
        new Browser(mvc).open(link).andExpect(content().string(containsString("This link no longer works")));
    }

    @Test
    void anExistingVerifiedAccountIsMadeAdministratorWithoutAMail() {
        User participant = Accounts.participant(accounts);

        assertThat(firstAdministrator.appoint(participant.getEmail())).isEqualTo(Outcome.PROMOTED);

        assertThat(users.findByEmail(participant.getEmail()).orElseThrow().getRoles()).contains(Role.ADMIN);
        assertThat(mail.deliverAndRead(participant.getEmail())).isEmpty();
    }

    @Test
    void anUnverifiedAccountWithTheAddressLosesItsPasswordAndTheAddressGetsTheLink() throws Exception {
        User squatter = Accounts.unverifiedParticipant(accounts);
        String hashBefore = squatter.getPasswordHash();

        assertThat(firstAdministrator.appoint(squatter.getEmail())).isEqualTo(Outcome.PROMOTED);

        User administrator = users.findByEmail(squatter.getEmail()).orElseThrow();
        assertThat(administrator.getRoles()).contains(Role.ADMIN);
        assertThat(administrator.getPasswordHash()).as("whoever signed up keeps no way in").isNotEqualTo(hashBefore);
        new Browser(mvc).from(ClientAddresses.unique()).logIn(squatter.getEmail(), Accounts.PASSWORD)
                .andExpect(redirectedUrl("/login?error"));
        assertThat(mail.deliverAndRead(squatter.getEmail())).extracting(MimeMessage::getSubject)
                .contains("Choose the password of your Guichet administrator account");
    }

    @Test
    void twoInstancesStartingTogetherMakeOneAccountAndSendOneLink() {
        String email = Accounts.uniqueEmail("shared-owner");

        List<Race.Outcome<Outcome>> starts = Race.run(2, () -> firstAdministrator.appoint(email));

        assertThat(starts).allSatisfy(start -> assertThat(start.failure()).isNull());
        assertThat(starts).extracting(Race.Outcome::value).containsOnlyOnce(Outcome.CREATED);
        assertThat(users.findByEmail(email)).isPresent();
        assertThat(mail.deliverAndRead(email)).hasSize(1);
    }
}
