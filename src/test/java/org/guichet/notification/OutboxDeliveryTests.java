package org.guichet.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.TestMail;
import org.guichet.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class OutboxDeliveryTests {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxSender sender;

    @Autowired
    OutboxRepository messages;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TestMail mail;

    @Autowired
    MutableClock clock;

    @Autowired
    FailingAddressRepository failingAddresses;

    @Test
    void keepsMailsWhileSmtpIsDownAndSendsEachOnceWhenItIsBack() {
        String recipient = Accounts.uniqueEmail("outage");
        mail.deliverAndRead(recipient);
        TestMailServer.stop();
        try {
            enqueueResetMail(recipient, Locale.ENGLISH);
            enqueueResetMail(recipient, Locale.FRENCH);
            sender.sendDue();
        } finally {
            TestMailServer.restart();
        }
        assertThat(messages.findByRecipientOrderByIdDesc(recipient))
                .hasSize(2)
                .allSatisfy(message -> {
                    assertThat(message.getStatus()).isEqualTo(OutboxStatus.RETRY);
                    assertThat(message.getAttempts()).isEqualTo(1);
                    assertThat(message.getLastError()).isNotBlank();
                });
        assertThat(failingAddresses.findByAddress(recipient.toLowerCase(Locale.ROOT)))
                .as("an outage says nothing about the address").isEmpty();

        assertThat(mail.deliverAndRead(recipient)).as("not due before the back-off").isEmpty();
        clock.advance(Duration.ofSeconds(11));
        assertThat(mail.deliverAndRead(recipient)).hasSize(2)
                .extracting(message -> message.getSubject())
                .containsExactlyInAnyOrder("Choose a new Guichet password",
                        "Choisissez un nouveau mot de passe Guichet");

        clock.advance(Duration.ofHours(2));
        assertThat(mail.deliverAndRead(recipient)).as("each mail goes out once").hasSize(2);
        assertThat(messages.findByRecipientOrderByIdDesc(recipient))
                .allSatisfy(message -> assertThat(message.getStatus()).isEqualTo(OutboxStatus.SENT));
    }

    @Test
    void writesNothingWhenTheCausingTransactionRollsBack() {
        String recipient = Accounts.uniqueEmail("rollback");
        try {
            transactions.executeWithoutResult(status -> {
                enqueueResetMail(recipient, Locale.ENGLISH);
                throw new IllegalStateException("the change failed");
            });
        } catch (IllegalStateException expected) {
            // the mail must vanish with the change
        }
        assertThat(messages.findByRecipientOrderByIdDesc(recipient)).isEmpty();
    }

    @Test
    void givesUpAfterTheLastAttemptWithGrowingDelays() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), 4);
        assertThat(schedule.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.delayAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(schedule.delayAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(schedule.delayAfter(30)).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.givesUpAfter(3)).isFalse();
        assertThat(schedule.givesUpAfter(4)).isTrue();
    }

    private void enqueueResetMail(String recipient, Locale locale) {
        transactions.executeWithoutResult(status -> outbox.enqueue(Mail.of(recipient, locale, "password-reset",
                Map.of("firstName", "Sam", "link", "http://localhost:8080/password/reset?token=x", "validMinutes", 60))));
    }
}
