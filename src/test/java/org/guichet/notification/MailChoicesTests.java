package org.guichet.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class MailChoicesTests {

    @Autowired
    Outbox outbox;

    @Autowired
    MailPreferences preferences;

    @Autowired
    OutboxRepository messages;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TestMail mail;

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Test
    void aMailThatCanBeSwitchedOffCarriesOneClickUnsubscribeHeadersAndItsSenderAndAStableId() throws Exception {
        String recipient = Accounts.uniqueEmail("headers");
        enqueue(new Mail(recipient, Locale.FRENCH, "password-reset", variables(), java.util.List.of())
                .kind(MailKind.ORGANIZER_MESSAGE).sentFor("Club de jazz").replyTo("orga@example.org"));

        MimeMessage received = mail.deliverAndRead(recipient).get(0);

        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Club de jazz (Guichet)");
        assertThat(from.getAddress()).isEqualTo("no-reply@guichet.localhost");
        assertThat(((InternetAddress) received.getReplyTo()[0]).getAddress()).isEqualTo("orga@example.org");
        long id = messages.findByRecipientOrderByIdDesc(recipient).get(0).getId();
        assertThat(received.getMessageID()).startsWith("<outbox." + id + ".").endsWith("@localhost>");
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String link = received.getHeader("List-Unsubscribe")[0];
        assertThat(link).startsWith("<http://localhost:8080/mail/unsubscribe?").endsWith(">");
        assertThat(TestMail.body(received).replace("=\r\n", "").replace("=3D", "=")).contains("Se d=C3=A9sabonner");
    }

    @Test
    void aTransactionalMailHasNoUnsubscribeHeaderNorSenderOfItsOwn() throws Exception {
        String recipient = Accounts.uniqueEmail("transactional");
        enqueue(Mail.of(recipient, Locale.ENGLISH, "password-reset", variables()));

        MimeMessage received = mail.deliverAndRead(recipient).get(0);

        assertThat(received.getHeader("List-Unsubscribe")).isNull();
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Guichet");
        assertThat(received.getReplyTo()[0].toString()).contains("no-reply@guichet.localhost");
    }

    @Test
    void theMailProvidersOneClickUnsubscribesWithoutSigningInAndOnlyThatKind() throws Exception {
        String recipient = Accounts.uniqueEmail("one-click");
        String link = preferences.unsubscribeLink(recipient, MailKind.EVENT_REMINDER);

        mvc.perform(post(pathOf(link)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Done: " + recipient + " will no longer receive reminders before events.")));

        assertThat(preferences.wants(recipient, MailKind.EVENT_REMINDER)).isFalse();
        assertThat(preferences.wants(recipient, MailKind.ORGANIZER_MESSAGE)).isTrue();
        assertThat(enqueue(Mail.of(recipient, Locale.ENGLISH, "password-reset", variables())
                .kind(MailKind.EVENT_REMINDER))).as("a reminder is not written").isFalse();
        assertThat(enqueue(Mail.of(recipient, Locale.ENGLISH, "password-reset", variables())))
                .as("transactional mail still goes").isTrue();
    }

    @Test
    void openingTheLinkAsksFirstAndTheUnsubscribedPageCanUndoIt() throws Exception {
        String recipient = Accounts.uniqueEmail("ask-first");
        URI path = pathOf(preferences.unsubscribeLink(recipient, MailKind.ORGANIZER_MESSAGE));

        mvc.perform(get(path).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Stop sending organizers’ messages about their events to")));
        mvc.perform(get(URI.create(path + "&lang=fr")).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ne plus envoyer les messages des organisateurs à " + recipient + " ?")))
                .andExpect(content().string(containsString("id=\"unsubscribe-confirm\"")));
        assertThat(preferences.wants(recipient, MailKind.ORGANIZER_MESSAGE)).as("a link checker's GET changes nothing")
                .isTrue();

        mvc.perform(post(path).with(csrf())).andExpect(content().string(containsString("id=\"unsubscribe-undo\"")));
        assertThat(preferences.wants(recipient, MailKind.ORGANIZER_MESSAGE)).isFalse();
        mvc.perform(post(replaced(path, "/mail/unsubscribe", "/mail/resubscribe")))
                .andExpect(status().isOk());
        assertThat(preferences.wants(recipient, MailKind.ORGANIZER_MESSAGE)).isTrue();
    }

    @Test
    void aLinkWorksOnlyForTheAddressAndKindItWasSignedFor() throws Exception {
        String mine = Accounts.uniqueEmail("mine");
        String someoneElse = Accounts.uniqueEmail("someone-else");
        URI path = pathOf(preferences.unsubscribeLink(mine, MailKind.EVENT_REMINDER));

        mvc.perform(post(replaced(path, mine.replace("@", "%40"), someoneElse.replace("@", "%40"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("This unsubscribe link does not work")));
        mvc.perform(post(replaced(path, "EVENT_REMINDER", "DAILY_SUMMARY"))).andExpect(status().isBadRequest());
        mvc.perform(post(replaced(path, "EVENT_REMINDER", "TRANSACTIONAL"))).andExpect(status().isBadRequest());
        mvc.perform(post("/mail/unsubscribe?email=" + mine + "&kind=EVENT_REMINDER&signature=forged"))
                .andExpect(status().isBadRequest());

        assertThat(preferences.wants(someoneElse, MailKind.EVENT_REMINDER)).isTrue();
        assertThat(preferences.wants(mine, MailKind.DAILY_SUMMARY)).isTrue();
        assertThat(preferences.wants(mine, MailKind.EVENT_REMINDER)).isTrue();
    }

    @Test
    void theProfilePageShowsAndChangesTheSameChoices() throws Exception {
        User organizer = Accounts.organizer(accounts);
        User participant = Accounts.participant(accounts);
        preferences.choose(organizer.getEmail(), MailKind.EVENT_REMINDER, false);

        mvc.perform(get("/account").with(authentication(Accounts.signedIn(organizer))))
                .andExpect(content().string(containsString("id=\"mail-choice-DAILY_SUMMARY\" checked=\"checked\"")))
                .andExpect(content().string(containsString("id=\"mail-choice-EVENT_REMINDER\">")))
                .andExpect(content().string(containsString("id=\"mail-choice-ORGANIZER_MESSAGE\" checked=\"checked\"")));
        mvc.perform(get("/account").with(authentication(Accounts.signedIn(participant))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("mail-choice-DAILY_SUMMARY"))));

        mvc.perform(post("/account/mail-choices").with(csrf()).with(authentication(Accounts.signedIn(organizer)))
                        .param("wanted", "EVENT_REMINDER", "TRANSACTIONAL"))
                .andExpect(status().is3xxRedirection());

        assertThat(preferences.of(organizer.getEmail())).isEqualTo(Map.of(MailKind.EVENT_REMINDER, true,
                MailKind.ORGANIZER_MESSAGE, false, MailKind.DAILY_SUMMARY, false));
        assertThat(preferences.wants(organizer.getEmail(), MailKind.TRANSACTIONAL)).isTrue();
    }

    private boolean enqueue(Mail message) {
        return Boolean.TRUE.equals(transactions.execute(status -> outbox.enqueue(message)));
    }

    private static Map<String, Object> variables() {
        return Map.of("firstName", "Sam", "link", "http://localhost:8080/password/reset?token=x", "validMinutes", 60);
    }

    private static URI pathOf(String link) {
        URI uri = URI.create(link);
        return URI.create(uri.getRawPath() + "?" + uri.getRawQuery());
    }

    private static URI replaced(URI path, String what, String with) {
        return URI.create(path.toString().replace(what, with));
    }
}
