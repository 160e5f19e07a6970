package org.guichet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;

import org.guichet.support.Accounts;
import org.guichet.support.Browser;
import org.guichet.support.ClientAddresses;
import org.guichet.support.Images;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class EmailVerificationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    UserRepository users;

    @Autowired
    AbandonedSignups abandoned;

    @Autowired
    TestMail mail;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void signUpMailsASingleUseLinkAndTheAccountIsUnverifiedUntilItIsFollowed() throws Exception {
        String email = Accounts.uniqueEmail("newcomer");
        Browser browser = new Browser(mvc);
        browser.submit("/signup", "email", email, "password", "a long and rare passphrase", "firstName", "Nina",
                "lastName", "Roux", "accountType", "ATTEND").andExpect(redirectedUrl("/signup/sent"));
        assertThat(users.findByEmail(email).orElseThrow().isEmailVerified()).isFalse();
        browser.open("/signup/sent").andExpect(content().string(containsString("The link is valid for 48 hours.")));

        MimeMessage message = mail.deliverAndRead(email).get(0);
        assertThat(message.getSubject()).isEqualTo("Confirm your Guichet email address");
        assertThat(TestMail.text(message)).contains("valid for 48 hours").contains("deleted");
        String link = TestMail.firstLinkPath(message);
        assertThat(link).startsWith("/account/verify?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(jdbc.queryForObject("select count(*) from account_tokens where token_hash = ?", Long.class, token))
                .as("only a hash of the token is stored").isZero();

        // followed on another device, not signed in: the account's password is asked before anything is confirmed
        Browser phone = new Browser(mvc);
        phone.open(link).andExpect(status().isOk())
                .andExpect(content().string(containsString("type the password of the account")))
                .andExpect(content().string(containsString("href=\"/password/forgot\"")));
        assertThat(users.findByEmail(email).orElseThrow().isEmailVerified()).isFalse();
        phone.submit("/account/verify", "token", token, "password", "not the passphrase")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("This is not the account&#39;s password.")));
        assertThat(users.findByEmail(email).orElseThrow().isEmailVerified()).isFalse();
        phone.submit("/account/verify", "token", token, "password", "a long and rare passphrase")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(email + " is confirmed")))
                .andExpect(content().string(containsString("href=\"/login\"")));
        assertThat(users.findByEmail(email).orElseThrow().isEmailVerified()).isTrue();

        phone.open(link).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("already been used")));
        new Browser(mvc).open("/account/verify?token=made-up").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is not valid")));
    }

    @Test
    void theOwnerOfASquattedAddressCannotConfirmTheSquattersAccountByFollowingTheLink() throws Exception {
        String victim = Accounts.uniqueEmail("victim");
        new Browser(mvc).submit("/signup", "email", victim, "password", "the squatter's own passphrase",
                "firstName", "Not", "lastName", "Them", "accountType", "ORGANISE");
        String link = TestMail.firstLinkPath(mail.deliverAndRead(victim).get(0));

        Browser owner = new Browser(mvc);
        owner.open(link).andExpect(status().isOk())
                .andExpect(content().string(containsString("Then someone else used your address")));

        assertThat(users.findByEmail(victim).orElseThrow().isEmailVerified())
                .as("opening the link alone confirms nothing").isFalse();
    }

    @Test
    void anExpiredLinkSaysSoAndANewOneCanBeSent() throws Exception {
        User user = Accounts.unverifiedParticipant(accounts);
        String link = TestMail.firstLinkPath(mail.deliverAndRead(user.getEmail()).get(0));
        clock.advance(Duration.ofHours(49));

        Browser browser = new Browser(mvc);
        browser.logIn(user.getEmail(), Accounts.PASSWORD);
        browser.open(link).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("has expired")))
                .andExpect(content().string(containsString("action=\"/account/verification/resend\"")));
        assertThat(users.findById(user.getId()).orElseThrow().isEmailVerified()).isFalse();

        browser.submit("/account/verification/resend").andExpect(redirectedUrl("/account"));
        browser.open("/account").andExpect(content().string(containsString("A new confirmation link is on its way")));
        List<MimeMessage> received = mail.deliverAndRead(user.getEmail());
        assertThat(received).hasSize(2);
        browser.open(TestMail.firstLinkPath(received.get(1))).andExpect(status().isOk());
        assertThat(users.findById(user.getId()).orElseThrow().isEmailVerified()).isTrue();

        browser.submit("/account/verification/resend").andExpect(redirectedUrl("/account"));
        browser.open("/account").andExpect(content().string(containsString("already confirmed")));
        assertThat(mail.deliverAndRead(user.getEmail())).hasSize(2);
    }

    @Test
    void anUnverifiedAccountSeesTheBannerAndItsSessionSeesAVerificationMadeElsewhere() throws Exception {
        User user = Accounts.unverifiedParticipant(accounts);
        Browser laptop = new Browser(mvc);
        laptop.logIn(user.getEmail(), Accounts.PASSWORD);
        laptop.open("/events").andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"verification-banner\"")))
                .andExpect(content().string(containsString("Confirm your email address (" + user.getEmail() + ")")));
        laptop.open("/account").andExpect(status().isOk());
        // refused pages are forwarded to the page that explains (MockMvc records the forward without following it)
        laptop.open("/invitations").andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/account/verification/required"));
        laptop.open("/account/verification/required")
                .andExpect(content().string(containsString("Confirm your email address first")))
                .andExpect(content().string(containsString("Accounts not confirmed within 7 days are deleted.")))
                .andExpect(content().string(containsString("action=\"/account/verification/resend\"")))
                .andExpect(content().string(not(containsString("id=\"verification-banner\""))));

        String link = TestMail.firstLinkPath(mail.deliverAndRead(user.getEmail()).get(0));
        new Browser(mvc).submit("/account/verify", "token", link.substring(link.indexOf("token=") + 6),
                "password", Accounts.PASSWORD).andExpect(status().isOk());

        laptop.open("/invitations").andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"verification-banner\""))));
    }

    @Test
    void signingUpWithATakenAddressAnswersAsForANewOneAndTellsItsOwner() throws Exception {
        User owner = Accounts.signUp(accounts, Accounts.uniqueEmail("owner"), EnumSet.noneOf(Role.class),
                Locale.FRENCH);
        long accountsBefore = users.count();

        Browser stranger = new Browser(mvc);
        stranger.submit("/signup", "email", owner.getEmail().toUpperCase(Locale.ROOT), "password",
                        "another rare passphrase", "firstName", "Eve", "lastName", "Intruder", "accountType", "ATTEND")
                .andExpect(status().isFound()).andExpect(redirectedUrl("/signup/sent"));
        String taken = stranger.open("/signup/sent").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        String free = Accounts.uniqueEmail("free");
        Browser newcomer = new Browser(mvc);
        newcomer.submit("/signup", "email", free.toUpperCase(Locale.ROOT), "password", "another rare passphrase",
                        "firstName", "Eve", "lastName", "Intruder", "accountType", "ATTEND")
                .andExpect(status().isFound()).andExpect(redirectedUrl("/signup/sent"));
        String fresh = newcomer.open("/signup/sent").andReturn().getResponse().getContentAsString();
        assertThat(withoutCsrfToken(taken).replace(owner.getEmail().toUpperCase(Locale.ROOT), "ADDRESS"))
                .isEqualTo(withoutCsrfToken(fresh).replace(free.toUpperCase(Locale.ROOT), "ADDRESS"));

        assertThat(users.count()).isEqualTo(accountsBefore + 1);
        MimeMessage notice = mail.deliverAndRead(owner.getEmail()).get(0);
        assertThat(notice.getSubject()).isEqualTo("Quelqu’un a essayé d’utiliser votre adresse sur Guichet");
        assertThat(TestMail.text(notice)).contains("créer un compte Guichet avec " + owner.getEmail());
        assertThat(TestMail.firstLinkPath(notice)).isEqualTo("/password/forgot");
        new Browser(mvc).logIn(owner.getEmail(), Accounts.PASSWORD).andExpect(redirectedUrl("/"));
        new Browser(mvc).logIn(owner.getEmail(), "another rare passphrase").andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void whoeverKeepsSigningUpWithATakenAddressSendsItsOwnerAFewMailsADayNotOneEach() throws Exception {
        User owner = Accounts.participant(accounts);
        for (int i = 0; i < 6; i++) {
            new Browser(mvc).from(ClientAddresses.unique()).submit("/signup", "email", owner.getEmail(),
                    "password", "another rare passphrase", "firstName", "Eve", "lastName", "Intruder",
                    "accountType", "ATTEND").andExpect(redirectedUrl("/signup/sent"));
        }
        assertThat(mail.deliverAndRead(owner.getEmail())).as("three a day at most").hasSize(3);

        clock.advance(Duration.ofDays(1));
        new Browser(mvc).from(ClientAddresses.unique()).submit("/signup", "email", owner.getEmail(), "password",
                "another rare passphrase", "firstName", "Eve", "lastName", "Intruder", "accountType", "ATTEND")
                .andExpect(redirectedUrl("/signup/sent"));
        assertThat(mail.deliverAndRead(owner.getEmail())).hasSize(4);
    }

    @Test
    void theOwnerWhoSignsUpAgainAndFollowsTheSquattersLinkInTheSameBrowserIsAskedForItsPassword()
            throws Exception {
        String victim = Accounts.uniqueEmail("victim");
        new Browser(mvc).submit("/signup", "email", victim, "password", "the squatter's own passphrase",
                "firstName", "Not", "lastName", "Them", "accountType", "ATTEND");
        String link = TestMail.firstLinkPath(mail.deliverAndRead(victim).get(0));

        Browser owner = new Browser(mvc);
        owner.submit("/signup", "email", victim, "password", "the owner's passphrase", "firstName", "Real",
                "lastName", "Owner", "accountType", "ATTEND").andExpect(redirectedUrl("/signup/sent"));
        owner.open(link).andExpect(status().isOk())
                .andExpect(content().string(containsString("type the password of the account")));

        assertThat(users.findByEmail(victim).orElseThrow().isEmailVerified()).isFalse();
    }

    @Test
    void movingToATakenAddressAnswersAsForAFreeOneChangesNothingAndTellsItsOwner() throws Exception {
        User owner = Accounts.participant(accounts);
        User user = Accounts.participant(accounts);
        Browser browser = new Browser(mvc);
        browser.logIn(user.getEmail(), Accounts.PASSWORD);

        browser.submit("/account/email", "newEmail", owner.getEmail(), "currentPassword", Accounts.PASSWORD)
                .andExpect(redirectedUrl("/account"));
        browser.open("/account").andExpect(content().string(containsString(
                "A confirmation link has been sent to " + owner.getEmail())));

        assertThat(users.findById(user.getId()).orElseThrow().getEmail()).isEqualTo(user.getEmail());
        List<MimeMessage> ownerMail = mail.deliverAndRead(owner.getEmail());
        assertThat(ownerMail).singleElement().satisfies(notice -> {
            assertThat(notice.getSubject()).isEqualTo("Someone tried to use your address on Guichet");
            assertThat(TestMail.text(notice)).contains("move another Guichet account to " + owner.getEmail());
        });
    }

    @Test
    void aPasswordResetThroughTheMailboxProvesTheAddress() throws Exception {
        User user = Accounts.unverifiedParticipant(accounts);
        Browser browser = new Browser(mvc);
        browser.submit("/password/forgot", "email", user.getEmail());
        MimeMessage reset = mail.deliverAndRead(user.getEmail()).stream()
                .filter(message -> TestMail.firstLinkPath(message).startsWith("/password/reset")).findFirst()
                .orElseThrow();
        String link = TestMail.firstLinkPath(reset);
        browser.submit("/password/reset", "token", link.substring(link.indexOf("token=") + 6), "password",
                "brand new rare passphrase").andExpect(redirectedUrl("/login?reset"));
        assertThat(users.findById(user.getId()).orElseThrow().isEmailVerified()).isTrue();
    }

    @Test
    void deletesAccountsUnverifiedForMoreThanSevenDaysWithWhatBelongsToThem() throws Exception {
        User abandonedOne = Accounts.unverifiedParticipant(accounts);
        User verifiedOne = Accounts.participant(accounts);
        Browser browser = new Browser(mvc);
        browser.logIn(abandonedOne.getEmail(), Accounts.PASSWORD);
        browser.perform(multipart("/account/photo").file(Images.file("photo", "me.png", "image/png",
                Images.png(300, 300))).with(csrf())).andExpect(redirectedUrl("/account"));
        String photo = users.findById(abandonedOne.getId()).orElseThrow().getPhotoKey();
        new Browser(mvc).logIn(abandonedOne.getEmail(), "a wrong password").andExpect(redirectedUrl("/login?error"));
        assertThat(throttleRows(abandonedOne)).isOne();

        clock.advance(Duration.ofDays(2));
        User recent = Accounts.unverifiedParticipant(accounts);
        clock.advance(Duration.ofDays(6));

        assertThat(abandoned.deleteAbandoned()).isGreaterThanOrEqualTo(1);

        assertThat(users.findById(abandonedOne.getId())).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from account_tokens where user_id = ?", Long.class,
                abandonedOne.getId())).isZero();
        assertThat(throttleRows(abandonedOne)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class,
                abandonedOne.getEmail())).isZero();
        browser.open("/account").andExpect(redirectedUrl("/login"));
        new Browser(mvc).open("/media/" + photo).andExpect(status().isNotFound());

        assertThat(users.findById(recent.getId())).as("six days old").isPresent();
        assertThat(users.findById(verifiedOne.getId())).as("verified").isPresent();
    }

    private static String withoutCsrfToken(String page) {
        return page.replaceAll("name=\"csrf-token\" content=\"[^\"]*\"", "").replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    private long throttleRows(User user) {
        return jdbc.queryForObject("select count(*) from login_throttles where throttle_key = ?", Long.class,
                "account:" + user.getEmail());
    }
}
