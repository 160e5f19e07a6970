package org.guichet.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

import org.guichet.shared.Refusal;
import org.junit.jupiter.api.Test;

/** Every way an outbox message moves between states, allowed and refused. */
class OutboxMessageTests {

    private static final Instant NOW = Instant.parse("2030-01-10T09:00:00Z");
    private static final RetrySchedule SCHEDULE = new RetrySchedule(Duration.ofSeconds(30), 3);

    @Test
    void aTemporaryFailureIsTriedAgainAfterTheBackOffUntilTheLastAttempt() {
        OutboxMessage message = message(MailKind.TRANSACTIONAL);
        message.failed("connection refused", NOW, SCHEDULE);
        assertThat(message.getStatus()).isEqualTo(OutboxStatus.RETRY);
        assertThat(message.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(message.getFailedBecause()).isNull();

        message.failed("connection refused", NOW.plusSeconds(30), SCHEDULE);
        message.failed("451 try later", NOW.plusSeconds(90), SCHEDULE);

        assertThat(message.getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(message.getFailedBecause()).isEqualTo(FailedBecause.GAVE_UP);
        assertThat(message.getFailedAt()).isEqualTo(NOW.plusSeconds(90));
        assertThat(message.getAttempts()).isEqualTo(3);
        assertThat(message.getLastError()).isEqualTo("451 try later");
    }

    @Test
    void aPermanentRefusalFailsAtTheFirstAttempt() {
        OutboxMessage message = message(MailKind.TRANSACTIONAL);
        message.rejected("550 5.1.1 User unknown", NOW);

        assertThat(message.getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(message.getFailedBecause()).isEqualTo(FailedBecause.REJECTED);
        assertThat(message.getAttempts()).isEqualTo(1);
        assertThat(message.getFailedAt()).isEqualTo(NOW);
        assertThat(message.getLastError()).isEqualTo("550 5.1.1 User unknown");
    }

    @Test
    void aMailThatCanBeSwitchedOffIsWithheldFromAFailingAddressWithoutAnAttempt() {
        OutboxMessage message = message(MailKind.EVENT_REMINDER);
        message.withheld("550 5.1.1 User unknown", NOW);

        assertThat(message.getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(message.getFailedBecause()).isEqualTo(FailedBecause.ADDRESS_FAILING);
        assertThat(message.getAttempts()).isZero();
        assertThat(message.getLastError()).isEqualTo("550 5.1.1 User unknown");
    }

    @Test
    void aTransactionalMailIsNeverWithheld() {
        OutboxMessage message = message(MailKind.TRANSACTIONAL);
        assertThatIllegalStateException().isThrownBy(() -> message.withheld("550", NOW));
        assertThat(message.getStatus()).isEqualTo(OutboxStatus.PENDING);
    }

    @Test
    void aFailedMailIsTriedAgainAsANewOneWhateverMadeItFail() {
        for (Consumer<OutboxMessage> failure : java.util.List.<Consumer<OutboxMessage>>of(
                message -> message.rejected("550 User unknown", NOW),
                message -> message.withheld("550 User unknown", NOW),
                message -> {
                    for (int attempt = 0; attempt < 3; attempt++) {
                        message.failed("timeout", NOW, SCHEDULE);
                    }
                })) {
            OutboxMessage message = message(MailKind.ORGANIZER_MESSAGE);
            failure.accept(message);
            assertThat(message.canRetry()).isTrue();

            message.retry(NOW.plusSeconds(600));

            assertThat(message.getStatus()).isEqualTo(OutboxStatus.PENDING);
            assertThat(message.getAttempts()).isZero();
            assertThat(message.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(600));
            assertThat(message.getFailedBecause()).isNull();
            assertThat(message.getFailedAt()).isNull();
            assertThat(message.getLastError()).as("why it failed stays until the next attempt").isNotNull();
        }
    }

    @Test
    void onlyAFailedMailIsTriedAgain() {
        OutboxMessage pending = message(MailKind.TRANSACTIONAL);
        OutboxMessage retrying = message(MailKind.TRANSACTIONAL);
        retrying.failed("timeout", NOW, SCHEDULE);
        OutboxMessage sent = message(MailKind.TRANSACTIONAL);
        sent.sent(NOW);

        for (OutboxMessage message : java.util.List.of(pending, retrying, sent)) {
            OutboxStatus before = message.getStatus();
            assertThat(message.canRetry()).isFalse();
            assertThatThrownBy(() -> message.retry(NOW)).isInstanceOfSatisfying(Refusal.class,
                    refusal -> assertThat(refusal.messageKey()).isEqualTo("mail.admin.error.notFailed"));
            assertThat(message.getStatus()).isEqualTo(before);
        }
    }

    @Test
    void aSentMailKeepsNoError() {
        OutboxMessage message = message(MailKind.TRANSACTIONAL);
        message.failed("timeout", NOW, SCHEDULE);
        message.sent(NOW.plusSeconds(30));

        assertThat(message.getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(message.getAttempts()).isEqualTo(2);
        assertThat(message.getLastError()).isNull();
        assertThat(message.getFailedBecause()).isNull();
    }

    private static OutboxMessage message(MailKind kind) {
        OutboxMessage message = new OutboxMessage("sam@example.org", "password-reset", Locale.ENGLISH, "{}", "[]",
                NOW);
        message.sendAs(kind, null, null);
        return message;
    }
}
