package org.guichet.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.guichet.support.Accounts;
import org.guichet.support.CountedAttachments;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.TestMail;
import org.guichet.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class OutboxRenderingTests {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxSender sender;

    @Autowired
    OutboxRepository messages;

    @Autowired
    CountedAttachments counted;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TestMail mail;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Test
    void enqueueingStoresWhatToRenderAndRendersNothing() {
        String recipient = Accounts.uniqueEmail("recipe");
        String file = "recipe-" + System.nanoTime();
        enqueue(recipient, CountedAttachments.file(file));

        OutboxMessage stored = storedFor(recipient);
        assertThat(stored.isRendered()).isFalse();
        assertThat(stored.getSubject()).isNull();
        assertThat(stored.getHtmlBody()).isNull();
        assertThat(stored.getTextBody()).isNull();
        assertThat(stored.getLocale()).isEqualTo(Locale.FRENCH);
        assertThat(stored.getAttachments()).singleElement()
                .satisfies(attachment -> assertThat(attachment.getContent()).isNull());
        assertThat(counted.renderings(file)).isZero();
    }

    @Test
    void rendersOnTheFirstAttemptAndARetryAfterAnSmtpFailureSendsTheSameBytes() throws Exception {
        String recipient = Accounts.uniqueEmail("render-once");
        String file = "once-" + System.nanoTime();
        mail.deliverAndRead(recipient);
        enqueue(recipient, CountedAttachments.file(file));
        TestMailServer.stop();
        try {
            sender.sendDue();
        } finally {
            TestMailServer.restart();
        }
        OutboxMessage failedOnce = storedFor(recipient);
        assertThat(failedOnce.getStatus()).isEqualTo(OutboxStatus.RETRY);
        assertThat(failedOnce.isRendered()).isTrue();
        assertThat(failedOnce.getSubject()).isEqualTo("Choisissez un nouveau mot de passe Guichet");
        byte[] rendered = failedOnce.getAttachments().get(0).getContent();
        assertThat(rendered).asString().startsWith(file + " rendering 1 in fr");
        assertThat(counted.renderings(file)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(11));
        List<MimeMessage> received = mail.deliverAndRead(recipient);

        assertThat(received).singleElement().satisfies(message -> {
            assertThat(message.getSubject()).isEqualTo("Choisissez un nouveau mot de passe Guichet");
            assertThat(attachment(message, file + ".txt")).isEqualTo(rendered);
        });
        assertThat(counted.renderings(file)).as("rendered once, delivered twice").isEqualTo(1);
        assertThat(storedFor(recipient).getStatus()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void aFailingRendererMakesEachAttemptFailUntilTheMailIsGivenUp() {
        String recipient = Accounts.uniqueEmail("render-fails");
        String file = "broken-" + System.nanoTime();
        enqueue(recipient, CountedAttachments.failing(file));

        int attempts = 0;
        while (storedFor(recipient).getStatus() != OutboxStatus.FAILED && attempts < 20) {
            mail.deliverAndRead(recipient);
            clock.advance(Duration.ofMinutes(11));
            attempts++;
        }

        OutboxMessage given = storedFor(recipient);
        assertThat(given.getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(given.getAttempts()).isEqualTo(8).isEqualTo(attempts);
        assertThat(given.getLastError()).contains("the renderer of " + file + " failed");
        assertThat(given.isRendered()).as("nothing half-rendered is stored").isFalse();
        assertThat(counted.renderings(file)).isEqualTo(8);
        assertThat(mail.receivedBy(recipient)).isEmpty();
    }

    @Test
    void theDevMailboxShowsAMailNotSentYetAndTheSenderThenSendsWhatItShowed() throws Exception {
        String recipient = Accounts.uniqueEmail("dev-first");
        String file = "shown-" + System.nanoTime();
        enqueue(recipient, CountedAttachments.file(file));
        long id = storedFor(recipient).getId();

        mvc.perform(get("/dev/mailbox/" + id))
                .andExpect(content().string(containsString("Choisissez un nouveau mot de passe Guichet")))
                .andExpect(content().string(containsString(file + ".txt")));
        byte[] shown = storedFor(recipient).getAttachments().get(0).getContent();

        assertThat(mail.deliverAndRead(recipient)).singleElement()
                .satisfies(message -> assertThat(attachment(message, file + ".txt")).isEqualTo(shown));
        assertThat(counted.renderings(file)).isEqualTo(1);
    }

    private void enqueue(String recipient, Attachment attachment) {
        transactions.executeWithoutResult(status -> outbox.enqueue(new Mail(recipient, Locale.FRENCH,
                "password-reset", Map.of("firstName", "Zoé", "link", "http://localhost:8080/password/reset?token=x",
                        "validMinutes", 60L), List.of(), List.of(attachment))));
    }

    private OutboxMessage storedFor(String recipient) {
        long id = messages.findByRecipientOrderByIdDesc(recipient).get(0).getId();
        return messages.findWithAttachments(id).orElseThrow();
    }

    private static byte[] attachment(MimeMessage message, String filename) throws MessagingException, IOException {
        MimeMultipart parts = (MimeMultipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (filename.equals(part.getFileName())) {
                try (InputStream in = part.getInputStream(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
                    in.transferTo(bytes);
                    return bytes.toByteArray();
                }
            }
        }
        throw new AssertionError("No attachment " + filename);
    }
}
