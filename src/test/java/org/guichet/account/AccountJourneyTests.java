package org.guichet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;

import org.guichet.support.Accounts;
import org.guichet.support.Browser;
import org.guichet.support.Images;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class AccountJourneyTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordResetService resets;

    @Autowired
    TestMail mail;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;

    @BeforeEach
    void newBrowser() {
        browser = new Browser(mvc);
    }

    @Test
    void signsUpAsOrganizerUnverifiedAndTheLinkFollowedInTheSameBrowserSignsIn() throws Exception {
        String email = Accounts.uniqueEmail("New.Person");
        browser.submit("/signup", "email", "  " + email.toUpperCase(Locale.ROOT) + " ", "password", "a long and rare passphrase",
                        "firstName", "Nina", "lastName", "Roux", "accountType", "ORGANISE")
                .andExpect(redirectedUrl("/signup/sent"));
        browser.open("/signup/sent").andExpect(status().isOk())
                .andExpect(content().string(containsString("Check your inbox")));

        User user = users.findByEmail(email.toLowerCase(Locale.ROOT)).orElseThrow();
        assertThat(user.getRoles()).containsExactlyInAnyOrder(Role.PARTICIPANT, Role.ORGANIZER);
        assertThat(user.getPasswordHash()).startsWith("{bcrypt}");
        assertThat(user.isEmailVerified()).isFalse();
        browser.open("/account").andExpect(redirectedUrl("/login"));

        MimeMessage link = mail.deliverAndRead(email.toLowerCase(Locale.ROOT)).get(0);
        assertThat(link.getSubject()).isEqualTo("Confirm your Guichet email address");
        browser.open(TestMail.firstLinkPath(link)).andExpect(status().isOk())
                .andExpect(content().string(containsString("is confirmed")));
        browser.open("/account").andExpect(status().isOk())
                .andExpect(content().string(containsString("Nina")));
        assertThat(users.findById(user.getId()).orElseThrow().isEmailVerified()).isTrue();
    }

    @Test
    void refusesAWeakPasswordBesideTheFieldAndKeepsWhatWasTyped() throws Exception {
        String email = Accounts.uniqueEmail("weak");
        browser.submit("/signup", "email", email, "password", "password123", "firstName", "Léa", "lastName", "Petit",
                        "accountType", "ATTEND")
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "account.password.common"))
                .andExpect(content().string(containsString("This password is too common")))
                .andExpect(content().string(containsString("value=\"Petit\"")));
        browser.submit("/signup", "email", email, "password", "short", "firstName", "Léa", "lastName", "Petit",
                        "accountType", "ATTEND")
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "account.password.tooShort"));
        String localPart = email.substring(0, email.indexOf('@'));
        browser.submit("/signup", "email", email, "password", "my-" + localPart + "-pass", "firstName", "Léa",
                        "lastName", "Petit", "accountType", "ATTEND")
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "account.password.containsEmail"));
        assertThat(users.existsByEmail(email)).isFalse();
    }

    @Test
    void refusesInvalidSignupFieldsWithTranslatedMessages() throws Exception {
        browser.perform(post("/signup").with(csrf()).header("Accept-Language", "fr")
                        .param("email", "not-an-email").param("password", "").param("firstName", "")
                        .param("lastName", "x".repeat(101)).param("accountType", "ATTEND"))
                .andExpect(model().attributeHasFieldErrors("form", "email", "password", "firstName", "lastName"))
                .andExpect(content().string(containsString("Saisissez une adresse e-mail valide.")))
                .andExpect(content().string(containsString("Trop long : 100 caractères au plus.")));
    }

    @Test
    void logsInReturnsWhereTheVisitorWasGoingAndLogsOut() throws Exception {
        User user = Accounts.participant(accounts);
        browser.open("/account").andExpect(redirectedUrl("/login"));
        browser.logIn(user.getEmail().toUpperCase(Locale.ROOT), Accounts.PASSWORD)
                .andExpect(redirectedUrl("http://localhost/account?continue"));
        browser.open("/account").andExpect(status().isOk());

        browser.submit("/logout").andExpect(redirectedUrl("/?loggedOut"));
        browser.open("/account").andExpect(status().is3xxRedirection());
    }

    @Test
    void changesTheSessionIdAtLogin() throws Exception {
        User user = Accounts.participant(accounts);
        browser.open("/login");
        String before = browser.cookieValue("SESSION");
        browser.logIn(user.getEmail(), Accounts.PASSWORD);
        assertThat(browser.cookieValue("SESSION")).isNotNull().isNotEqualTo(before);
    }

    @Test
    void refusesAFormWithoutCsrfToken() throws Exception {
        User user = Accounts.participant(accounts);
        mvc.perform(post("/login").param("email", user.getEmail()).param("password", Accounts.PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/account/profile").with(authentication(Accounts.signedIn(user)))
                        .param("firstName", "X").param("lastName", "Y").param("preferredLanguage", "en"))
                .andExpect(status().isForbidden());
        assertThat(users.findById(user.getId()).orElseThrow().getFirstName()).isEqualTo("Camille");
    }

    @Test
    void updatesNamesAndLanguageAndShowsPagesInTheNewLanguage() throws Exception {
        User user = Accounts.participant(accounts);
        browser.logIn(user.getEmail(), Accounts.PASSWORD);
        browser.submit("/account/profile", "firstName", "Élodie", "lastName", "Moreau", "preferredLanguage", "fr")
                .andExpect(redirectedUrl("/account"));
        browser.open("/account")
                .andExpect(content().string(containsString("Votre profil a été enregistré.")))
                .andExpect(content().string(containsString("Élodie")));
        assertThat(users.findById(user.getId()).orElseThrow().getLanguage()).isEqualTo(Locale.FRENCH);

        browser.submit("/account/profile", "firstName", "", "lastName", "Moreau", "preferredLanguage", "de")
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("profileForm", "firstName", "preferredLanguage"))
                .andExpect(content().string(containsString("Ce champ est obligatoire.")));
    }

    @Test
    void changesThePasswordWithTheCurrentOneAndSignsOutOtherSessions() throws Exception {
        User user = Accounts.participant(accounts);
        Browser laptop = new Browser(mvc);
        laptop.logIn(user.getEmail(), Accounts.PASSWORD);
        browser.logIn(user.getEmail(), Accounts.PASSWORD);

        browser.submit("/account/password", "currentPassword", "not it at all", "newPassword", "a fresh rare passphrase")
                .andExpect(model().attributeHasFieldErrorCode("passwordForm", "currentPassword",
                        "account.password.currentWrong"));
        browser.submit("/account/password", "currentPassword", Accounts.PASSWORD, "newPassword", "a fresh rare passphrase")
                .andExpect(redirectedUrl("/account"));

        browser.open("/account").andExpect(status().isOk());
        laptop.open("/account").andExpect(status().is3xxRedirection());
        new Browser(mvc).logIn(user.getEmail(), "a fresh rare passphrase").andExpect(redirectedUrl("/"));
    }

    @Test
    void changesTheEmailOnlyOnceTheLinkSentToTheNewAddressIsFollowed() throws Exception {
        User user = Accounts.participant(accounts);
        String newEmail = Accounts.uniqueEmail("moved");
        browser.logIn(user.getEmail(), Accounts.PASSWORD);

        browser.submit("/account/email", "newEmail", newEmail, "currentPassword", "wrong one")
                .andExpect(model().attributeHasFieldErrorCode("emailForm", "currentPassword",
                        "account.password.currentWrong"));
        browser.submit("/account/email", "newEmail", newEmail, "currentPassword", Accounts.PASSWORD)
                .andExpect(redirectedUrl("/account"));
        assertThat(users.findById(user.getId()).orElseThrow().getEmail()).isEqualTo(user.getEmail());

        MimeMessage confirmation = mail.deliverAndRead(newEmail).get(0);
        assertThat(confirmation.getSubject()).isEqualTo("Confirm your new Guichet email address");
        String link = TestMail.firstLinkPath(confirmation);
        browser.open(link).andExpect(status().isOk())
                .andExpect(content().string(containsString(newEmail)));

        assertThat(users.findById(user.getId()).orElseThrow().getEmail()).isEqualTo(newEmail);
        assertThat(mail.deliverAndRead(user.getEmail())).anySatisfy(notice ->
                assertThat(notice.getSubject()).isEqualTo("Your Guichet email address has changed"));
        browser.open("/account").andExpect(status().isOk());
        new Browser(mvc).logIn(newEmail, Accounts.PASSWORD).andExpect(redirectedUrl("/"));

        browser.open(link).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("expired or has already been used")));
    }

    @Test
    void resetsAForgottenPasswordThroughTheEmailedLinkOnceAndSignsOutEverywhere() throws Exception {
        User user = Accounts.participant(accounts);
        Browser phone = new Browser(mvc);
        phone.logIn(user.getEmail(), Accounts.PASSWORD);

        browser.submit("/password/forgot", "email", user.getEmail().toUpperCase(Locale.ROOT))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("If an account exists")));
        MimeMessage message = mail.deliverAndRead(user.getEmail()).get(0);
        assertThat(message.getSubject()).isEqualTo("Choose a new Guichet password");
        assertThat(message.getContentType()).startsWith("multipart/");
        assertThat(TestMail.body(message)).contains("text/plain").contains("text/html");
        String link = TestMail.firstLinkPath(message);

        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(jdbc.queryForObject("select count(*) from account_tokens where token_hash = ?", Long.class, token))
                .as("only a hash of the token is stored").isZero();

        browser.open(link).andExpect(status().isOk()).andExpect(model().attributeExists("form"));
        browser.submit("/password/reset", "token", token, "password", "short")
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "account.password.tooShort"));
        browser.submit("/password/reset", "token", token, "password", "brand new rare passphrase")
                .andExpect(redirectedUrl("/login?reset"));

        phone.open("/account").andExpect(status().is3xxRedirection());
        browser.logIn(user.getEmail(), "brand new rare passphrase").andExpect(redirectedUrl("/"));

        Browser again = new Browser(mvc);
        again.open(link).andExpect(content().string(containsString("This link no longer works")));
        again.submit("/password/reset", "token", token, "password", "attacker rare passphrase")
                .andExpect(content().string(containsString("This link no longer works")));
        new Browser(mvc).logIn(user.getEmail(), "attacker rare passphrase").andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void refusesAResetLinkOlderThanOneHour() throws Exception {
        User user = Accounts.participant(accounts);
        browser.submit("/password/forgot", "email", user.getEmail());
        String link = TestMail.firstLinkPath(mail.deliverAndRead(user.getEmail()).get(0));

        clock.advance(Duration.ofMinutes(61));
        browser.open(link).andExpect(content().string(containsString("This link no longer works")));
        String token = link.substring(link.indexOf("token=") + 6);
        browser.submit("/password/reset", "token", token, "password", "brand new rare passphrase")
                .andExpect(content().string(containsString("This link no longer works")));
    }

    @Test
    void answersTheSameForAnUnknownAddressAndSendsNothing() throws Exception {
        String unknown = Accounts.uniqueEmail("ghost");
        String page = browser.submit("/password/forgot", "email", unknown)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("If an account exists for " + unknown);
        assertThat(mail.deliverAndRead(unknown)).isEmpty();
    }

    @Test
    void acceptsAPhotoOnlyWhenItDecodesAsAnImage() throws Exception {
        User user = Accounts.participant(accounts);
        browser.logIn(user.getEmail(), Accounts.PASSWORD);

        browser.perform(multipart("/account/photo").file(Images.file("photo", "fake.png", "image/png",
                        "just some text".getBytes())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("not an image we can read")));
        browser.perform(multipart("/account/photo").file(Images.file("photo", "huge.jpg", "image/jpeg",
                        new byte[10 * 1024 * 1024 + 1])).with(csrf()))
                .andExpect(content().string(containsString("The file is too large: 10 MB at most.")));
        assertThat(users.findById(user.getId()).orElseThrow().getPhotoKey()).isNull();

        browser.perform(multipart("/account/photo").file(Images.file("photo", "me.png", "image/png",
                        Images.png(800, 600))).with(csrf()))
                .andExpect(redirectedUrl("/account"));
        String key = users.findById(user.getId()).orElseThrow().getPhotoKey();
        assertThat(key).startsWith("avatars/").endsWith(".jpg");
        byte[] served = browser.open("/account/photo").andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=3600, private"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Images.dimensions(served)).containsExactly(256, 256);
        assertThat(browser.open("/account").andReturn().getResponse().getContentAsString())
                .as("the page shows it from its own address, never the stored file's")
                .contains("/account/photo?v=" + key.substring("avatars/".length(), "avatars/".length() + 12))
                .doesNotContain(key);
    }

    @Test
    void aPhotoIsServedToItsOwnerOnly() throws Exception {
        User owner = Accounts.participant(accounts);
        browser.logIn(owner.getEmail(), Accounts.PASSWORD);
        browser.perform(multipart("/account/photo").file(Images.file("photo", "me.png", "image/png",
                        Images.png(300, 300))).with(csrf()))
                .andExpect(redirectedUrl("/account"));
        String key = users.findById(owner.getId()).orElseThrow().getPhotoKey();

        mvc.perform(get("/media/" + key)).andExpect(status().isNotFound());
        mvc.perform(get("/account/photo")).andExpect(status().is3xxRedirection());
        Browser someoneElse = new Browser(mvc);
        User other = Accounts.participant(accounts);
        someoneElse.logIn(other.getEmail(), Accounts.PASSWORD);
        someoneElse.open("/account/photo").andExpect(status().isNotFound());
        someoneElse.open("/media/" + key).andExpect(status().isNotFound());
    }

    @Test
    void remembersTheUserAcrossSessionsUntilThePasswordIsReset() throws Exception {
        User user = Accounts.participant(accounts);
        browser.submit("/login", "email", user.getEmail(), "password", Accounts.PASSWORD, "remember-me", "on");
        assertThat(browser.hasCookie("remember-me")).isTrue();
        browser.forget("SESSION");
        browser.open("/account").andExpect(status().isOk());

        browser.forget("SESSION");
        resets.requestReset(user.getEmail());
        String link = TestMail.firstLinkPath(mail.deliverAndRead(user.getEmail()).get(0));
        new Browser(mvc).submit("/password/reset", "token", link.substring(link.indexOf("token=") + 6),
                "password", "yet another rare passphrase");
        browser.open("/account").andExpect(status().is3xxRedirection());
    }

    @Test
    void servicesRefuseToTouchSomeoneElsesAccount() {
        User owner = Accounts.participant(accounts);
        User intruder = Accounts.participant(accounts);
        SecurityContextHolder.getContext().setAuthentication(Accounts.signedIn(intruder));
        try {
            assertThatThrownBy(() -> accounts.updateProfile(owner.getId(), "Evil", "Twin", Locale.ENGLISH))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(accounts.find(intruder.getId()).getEmail()).isEqualTo(intruder.getEmail());
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(users.findById(owner.getId()).orElseThrow().getFirstName()).isEqualTo("Camille");
    }
}
