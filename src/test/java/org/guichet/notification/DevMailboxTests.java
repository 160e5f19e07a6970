package org.guichet.notification;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.Map;

import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class DevMailboxTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRepository messages;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void showsEveryWrittenMailWithItsLinksSoAVisitorCanFollowThem() throws Exception {
        String recipient = Accounts.uniqueEmail("visitor");
        transactions.executeWithoutResult(status -> outbox.enqueue(Mail.of(recipient, Locale.FRENCH,
                "password-reset", Map.of("firstName", "Zoé", "link",
                        "http://localhost:8080/password/reset?token=abc123", "validMinutes", 60))));
        long id = messages.findByRecipientOrderByIdDesc(recipient).get(0).getId();

        mvc.perform(get("/dev/mailbox"))
                .andExpect(content().string(containsString(recipient)))
                .andExpect(content().string(containsString("Choisissez un nouveau mot de passe Guichet")));
        mvc.perform(get("/dev/mailbox/" + id))
                .andExpect(content().string(containsString("href=\"http://localhost:8080/password/reset?token=abc123\"")))
                .andExpect(content().string(containsString("Bonjour Zoé,")));
        mvc.perform(get("/dev/mailbox/" + id + "/html"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
                .andExpect(content().string(containsString("Choisir un nouveau mot de passe")));
    }

    @Test
    void showsTheKindOfAMailItsRecipientMaySwitchOff() throws Exception {
        String recipient = Accounts.uniqueEmail("kind");
        transactions.executeWithoutResult(status -> outbox.enqueue(Mail.of(recipient, Locale.ENGLISH,
                "password-reset", Map.of("firstName", "Zoé", "link", "http://localhost:8080/password/reset?token=k",
                        "validMinutes", 60)).kind(MailKind.ORGANIZER_MESSAGE)));
        long id = messages.findByRecipientOrderByIdDesc(recipient).get(0).getId();

        mvc.perform(get("/dev/mailbox/" + id).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Organizer’s message")));
        mvc.perform(get("/dev/mailbox").header("Accept-Language", "fr"))
                .andExpect(content().string(containsString("Message d’organisateur")));
    }
}
