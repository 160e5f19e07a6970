package org.guichet.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.guichet.account.AccountService;
import org.guichet.account.Role;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.Refused;
import org.guichet.support.TestMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** /admin/mail: what an administrator sees of mail delivery, and the mails and addresses they send and clear. */
@IntegrationTest
class MailAdminTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    FailingAddressRepository failingAddresses;

    @Autowired
    UserRepository users;

    @Autowired
    AccountService accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    TestMail mail;

    @Autowired
    MutableClock clock;

    ScriptedDelivery smtp;
    RequestPostProcessor admin;

    @BeforeEach
    void world() {
        smtp = new ScriptedDelivery(context);
        admin = authentication(Accounts.signedIn(Accounts.admin(users, passwordEncoder)));
    }

    @AfterEach
    void stop() {
        smtp.close();
    }

    @Test
    void showsTheBacklogTheFailedMailsAndTheFailingAddresses() throws Exception {
        String refused = Accounts.uniqueEmail("refused");
        long failed = refuse(refused, MailKind.TRANSACTIONAL);
        String waiting = Accounts.uniqueEmail("waiting");
        smtp.write(waiting, MailKind.TRANSACTIONAL);
        clock.advance(Duration.ofMinutes(95));
        try {
            Document page = page(admin);

            assertThat(count(page, "backlog-PENDING")).isGreaterThanOrEqualTo(1);
            assertThat(count(page, "backlog-FAILED")).isGreaterThanOrEqualTo(1);
            Matcher oldest = Pattern.compile("The oldest mail due now was written (\\d+) (minutes|hours|days) ago\\.")
                    .matcher(page.getElementById("backlog-oldest").text());
            assertThat(oldest.matches()).as(page.getElementById("backlog-oldest").text()).isTrue();
            assertThat(oldest.group(2).equals("minutes") ? Long.parseLong(oldest.group(1)) : Long.MAX_VALUE)
                    .isGreaterThanOrEqualTo(95);

            Element mailShown = page.getElementById("failed-" + failed);
            assertThat(mailShown).as("the failed mail is listed").isNotNull();
            assertThat(mailShown.text()).contains("Choose a new Guichet password", "To " + refused,
                    "Refused for good by the recipient’s server", "1 attempt", "550 5.1.1 User unknown",
                    "Transactional");
            assertThat(mailShown.select("form[action=/admin/mail/" + failed + "/retry] input[name=_csrf]"))
                    .hasSize(1);

            Element addressShown = page.getElementsContainingOwnText(refused.toLowerCase(Locale.ROOT)).stream()
                    .filter(element -> element.tagName().equals("strong")).findFirst().orElseThrow()
                    .closest("li");
            assertThat(addressShown.text()).contains("refused once", "550 5.1.1 User unknown");
            assertThat(addressShown.select("form[action=/admin/mail/addresses/clear] input[name=address]")
                    .attr("value")).isEqualTo(refused.toLowerCase(Locale.ROOT));
            assertThat(page.select("nav a[href=/admin/mail]").text()).isEqualTo("Mail delivery");
        } finally {
            mail.deliverAndRead(waiting);
        }
    }

    @Test
    void aFailedMailSentAgainGoesOutAndClearsItsAddress() throws Exception {
        String address = Accounts.uniqueEmail("retried");
        long id = refuse(address, MailKind.TRANSACTIONAL);

        mvc.perform(post("/admin/mail/" + id + "/retry").with(csrf()).with(admin))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/mail"))
                .andExpect(flash().attribute("saved", "mail.admin.retried"));
        assertThat(smtp.message(id).getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(smtp.message(id).getAttempts()).isZero();

        List<MimeMessage> received = mail.deliverAndRead(address);

        assertThat(received).singleElement().satisfies(
                message -> assertThat(message.getSubject()).isEqualTo("Choose a new Guichet password"));
        assertThat(smtp.message(id).getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(failingAddresses.findByAddress(address.toLowerCase(Locale.ROOT))).isEmpty();
        assertThat(page(admin).getElementById("failed-" + id)).as("no longer listed").isNull();
    }

    @Test
    void refusesToSendAgainAMailThatHasNotFailedAndAnswers404ForAnUnknownOne() throws Exception {
        String address = Accounts.uniqueEmail("fine");
        long id = smtp.write(address, MailKind.TRANSACTIONAL);
        mail.deliverAndRead(address);

        mvc.perform(post("/admin/mail/" + id + "/retry").with(csrf()).with(admin).param("page", "2"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/mail?page=2"))
                .andExpect(Refused.flashed("mail.admin.error.notFailed"));
        assertThat(smtp.message(id).getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(mail.deliverAndRead(address)).as("sent once only").hasSize(1);

        mvc.perform(post("/admin/mail/" + Long.MAX_VALUE + "/retry").with(csrf()).with(admin))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/mail").param("page", "-3").with(admin)).andExpect(status().isOk());
    }

    @Test
    void aReminderWithheldFromAFailingAddressIsSentAgainOnceTheAddressIsCleared() throws Exception {
        String address = Accounts.uniqueEmail("cleared");
        refuse(address, MailKind.TRANSACTIONAL);
        long reminder = smtp.write(address, MailKind.EVENT_REMINDER);
        smtp.sender.sendDue();
        assertThat(smtp.message(reminder).getFailedBecause()).isEqualTo(FailedBecause.ADDRESS_FAILING);
        smtp.server.accept(address);
        assertThat(page(admin).getElementById("failed-" + reminder).text())
                .contains("Not sent: the address is failing", "not attempted", "Reminder",
                        "Its address is failing: clear the address to send it again.");

        mvc.perform(post("/admin/mail/" + reminder + "/retry").with(csrf()).with(admin))
                .andExpect(Refused.flashed("mail.admin.error.addressFailing"));
        assertThat(smtp.message(reminder).getStatus()).isEqualTo(OutboxStatus.FAILED);

        mvc.perform(post("/admin/mail/addresses/clear").with(csrf()).with(admin).param("address", " " + address))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("saved", "mail.admin.cleared"));
        assertThat(failingAddresses.findByAddress(address.toLowerCase(Locale.ROOT))).isEmpty();
        mvc.perform(post("/admin/mail/addresses/clear").with(csrf()).with(admin).param("address", address))
                .andExpect(Refused.flashed("mail.admin.error.notFailing"));

        mvc.perform(post("/admin/mail/" + reminder + "/retry").with(csrf()).with(admin))
                .andExpect(flash().attribute("saved", "mail.admin.retried"));
        assertThat(mail.deliverAndRead(address)).singleElement()
                .satisfies(message -> assertThat(message.getHeader("List-Unsubscribe")).isNotEmpty());
        assertThat(smtp.message(reminder).getStatus()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void isInFrenchForAFrenchAdministrator() throws Exception {
        String address = Accounts.uniqueEmail("refusee");
        long id = refuse(address, MailKind.ORGANIZER_MESSAGE);
        User frenchAdmin = new User(Accounts.uniqueEmail("admin-fr"), passwordEncoder.encode(Accounts.PASSWORD),
                "Adèle", "Admin", Locale.FRENCH, EnumSet.of(Role.ADMIN), Instant.now());
        frenchAdmin.verifyEmail(Instant.now());

        Document page = page(authentication(Accounts.signedIn(users.save(frenchAdmin))));

        assertThat(page.select("h1").text()).isEqualTo("Envoi des e-mails");
        assertThat(page.getElementById("failed-" + id).text()).contains(
                "Refusé définitivement par le serveur du destinataire", "1 tentative", "Message d’organisateur",
                "rétablissez l’adresse pour pouvoir le renvoyer");
        assertThat(page.text()).contains("Adresses en échec", "refusée une fois", "Rétablir");
    }

    @Test
    void isForAdministratorsOnly() throws Exception {
        var participant = authentication(Accounts.signedIn(Accounts.participant(accounts)));
        var organizer = authentication(Accounts.signedIn(Accounts.organizer(accounts)));
        String address = Accounts.uniqueEmail("guarded");
        long id = refuse(address, MailKind.TRANSACTIONAL);

        mvc.perform(get("/admin/mail").with(participant)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/mail").with(organizer)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/mail/" + id + "/retry").with(csrf()).with(participant))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/mail/addresses/clear").with(csrf()).with(participant).param("address", address))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/mail")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/mail/" + id + "/retry").with(admin)) // without its CSRF token
                .andExpect(status().isForbidden());

        assertThat(smtp.message(id).getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failingAddresses.findByAddress(address.toLowerCase(Locale.ROOT))).isPresent();
    }

    /** A mail of this kind refused for good by the scripted server: failed, its address failing. */
    private long refuse(String address, MailKind kind) {
        smtp.server.replyToRecipient(address, "550 5.1.1 User unknown");
        long id = smtp.write(address, kind);
        smtp.sender.sendDue();
        assertThat(smtp.message(id).getFailedBecause()).isEqualTo(FailedBecause.REJECTED);
        return id;
    }

    private Document page(RequestPostProcessor user) throws Exception {
        String html = mvc.perform(get("/admin/mail").with(user))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }

    private static long count(Document page, String id) {
        return Long.parseLong(page.getElementById(id).select(".fs-4").text());
    }
}
