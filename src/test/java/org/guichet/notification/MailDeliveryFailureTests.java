package org.guichet.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.Race;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The outbox against an SMTP server that refuses addresses as real ones do: a permanent refusal fails the mail at
 * once and marks the address failing; mails that can be switched off are then not sent to it, transactional ones
 * still are, and one getting through clears it. Temporary refusals keep the usual back-off.
 */
@IntegrationTest
class MailDeliveryFailureTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    FailingAddressRepository failingAddresses;

    @Autowired
    MutableClock clock;

    ScriptedDelivery smtp;

    @BeforeEach
    void smtpServer() {
        smtp = new ScriptedDelivery(context);
    }

    @AfterEach
    void stop() {
        smtp.close();
    }

    @Test
    void aRecipientRefusedForGoodFailsAtOnceAndItsAddressIsRecordedAsFailing() {
        String address = Accounts.uniqueEmail("refused");
        smtp.server.replyToRecipient(address, "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown");
        long id = smtp.write(address, MailKind.TRANSACTIONAL);
        Instant refusedAt = clock.instant();

        smtp.sender.sendDue();

        OutboxMessage failed = smtp.message(id);
        assertThat(failed.getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.getFailedBecause()).isEqualTo(FailedBecause.REJECTED);
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getFailedAt()).isEqualTo(refusedAt);
        assertThat(failed.getLastError()).startsWith("550 5.1.1").contains("User unknown");
        FailingAddress failing = failing(address);
        assertThat(failing.getReason()).startsWith("550 5.1.1").contains("User unknown");
        assertThat(failing.getFailures()).isEqualTo(1);
        assertThat(failing.getFirstFailedAt()).isEqualTo(refusedAt);
        assertThat(failing.getLastFailedAt()).isEqualTo(refusedAt);

        clock.advance(Duration.ofDays(1));
        smtp.sender.sendDue();
        assertThat(smtp.asked(address)).as("no retry of a permanent refusal").isEqualTo(1);
        assertThat(smtp.message(id).getStatus()).isEqualTo(OutboxStatus.FAILED);
    }

    @Test
    void contentRefusedForGoodAtTheEndOfDataFailsAtOnceToo() {
        String address = Accounts.uniqueEmail("spam");
        smtp.server.replyToData("554 5.7.1 Message rejected as spam");
        long id = smtp.write(address, MailKind.TRANSACTIONAL);

        smtp.sender.sendDue();

        assertThat(smtp.message(id).getFailedBecause()).isEqualTo(FailedBecause.REJECTED);
        assertThat(failing(address).getReason()).contains("554 5.7.1 Message rejected as spam");
    }

    @Test
    void whileAnAddressFailsRemindersAreNotSentButTransactionalMailsAreTriedOnceEachAndOneGettingThroughClearsIt() {
        String address = Accounts.uniqueEmail("bouncing");
        smtp.server.replyToRecipient(address, "550 5.1.1 User unknown");
        smtp.write(address, MailKind.TRANSACTIONAL);
        smtp.sender.sendDue();
        Instant firstRefusal = clock.instant();
        assertThat(smtp.asked(address)).isEqualTo(1);

        long reminder = smtp.write(address, MailKind.EVENT_REMINDER);
        smtp.sender.sendDue();
        assertThat(smtp.asked(address)).as("a reminder is not even tried").isEqualTo(1);
        OutboxMessage withheld = smtp.message(reminder);
        assertThat(withheld.getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(withheld.getFailedBecause()).isEqualTo(FailedBecause.ADDRESS_FAILING);
        assertThat(withheld.getAttempts()).isZero();
        assertThat(withheld.getLastError()).isEqualTo("550 5.1.1 User unknown");

        clock.advance(Duration.ofMinutes(5));
        long receipt = smtp.write(address, MailKind.TRANSACTIONAL);
        smtp.sender.sendDue();
        assertThat(smtp.asked(address)).as("a transactional mail is still tried").isEqualTo(2);
        assertThat(smtp.message(receipt).getFailedBecause()).isEqualTo(FailedBecause.REJECTED);
        assertThat(failing(address).getFailures()).isEqualTo(2);
        assertThat(failing(address).getFirstFailedAt()).isEqualTo(firstRefusal);
        assertThat(failing(address).getLastFailedAt()).isEqualTo(clock.instant());

        smtp.server.accept(address);
        long ticket = smtp.write(address, MailKind.TRANSACTIONAL);
        smtp.sender.sendDue();
        assertThat(smtp.message(ticket).getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(smtp.delivered(address)).isTrue();
        assertThat(failingAddresses.findByAddress(normal(address))).as("a mail got through: it works again")
                .isEmpty();

        long nextReminder = smtp.write(address, MailKind.EVENT_REMINDER);
        smtp.sender.sendDue();
        assertThat(smtp.message(nextReminder).getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(smtp.message(reminder).getStatus()).as("the one withheld stays failed until retried")
                .isEqualTo(OutboxStatus.FAILED);
    }

    @Test
    void aTemporaryRefusalIsTriedAgainAfterTheBackOffAndMarksNoAddress() {
        String address = Accounts.uniqueEmail("greylisted");
        smtp.server.replyToRecipient(address, "451 4.7.1 Greylisted, please try again later");
        long id = smtp.write(address, MailKind.EVENT_REMINDER);

        smtp.sender.sendDue();

        assertThat(smtp.message(id).getStatus()).isEqualTo(OutboxStatus.RETRY);
        assertThat(smtp.message(id).getFailedBecause()).isNull();
        assertThat(failingAddresses.findByAddress(normal(address))).isEmpty();

        smtp.server.accept(address);
        clock.advance(Duration.ofSeconds(11));
        smtp.sender.sendDue();
        assertThat(smtp.message(id).getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(smtp.asked(address)).isEqualTo(2);
    }

    @Test
    void sendersRefusedForTheSameAddressAtOnceRecordItOnceAndCountEveryRefusal() {
        String address = Accounts.uniqueEmail("twice");
        FailingAddresses addresses = context.getBean(FailingAddresses.class);

        List<Race.Outcome<Boolean>> outcomes = Race.run(4, () -> {
            addresses.refused(address, "550 5.1.1 User unknown");
            return true;
        });

        assertThat(outcomes).allMatch(Race.Outcome::succeeded);
        assertThat(failing(address).getFailures()).isEqualTo(4);
    }

    private FailingAddress failing(String address) {
        return failingAddresses.findByAddress(normal(address)).orElseThrow(
                () -> new AssertionError(address + " is not recorded as failing"));
    }

    private static String normal(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
