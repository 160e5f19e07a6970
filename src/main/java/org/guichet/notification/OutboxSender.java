package org.guichet.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox: PENDING → SENT, or RETRY with growing back-off, then FAILED. Each message is claimed by
 * a conditional update before it is sent, so two senders (two instances, or the schedule and a test) never
 * send it twice. A message is rendered on its first attempt ({@link MailRendering}); a template or attachment
 * renderer that fails makes the attempt fail like an SMTP error. Rendering and SMTP happen outside any database
 * transaction.
 * <p>
 * A server that refuses the recipient for good (a 5xx about the address, see {@link DeliveryError}) fails the
 * message at once, with no retry, and records the address as failing ({@link FailingAddress}). While it is failing,
 * a mail its recipient may switch off ({@link MailKind#canUnsubscribe()}) is not sent to it: it is marked FAILED
 * without an attempt ({@link FailedBecause#ADDRESS_FAILING}), so the administrators' page shows it and can send it
 * again once the address is cleared. Transactional mails are still attempted, once each, and one that gets
 * through clears the address.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final Set<OutboxStatus> DUE = EnumSet.of(OutboxStatus.PENDING, OutboxStatus.RETRY);
    private static final int BATCH = 50;
    private static final Duration STALE_CLAIM = Duration.ofMinutes(10);

    private final OutboxRepository messages;
    private final MailTransport transport;
    private final MailRendering rendering;
    private final FailingAddresses failingAddresses;
    private final TransactionTemplate transactions;
    private final RetrySchedule retries;
    private final Clock clock;

    OutboxSender(OutboxRepository messages, MailTransport transport, MailRendering rendering,
            FailingAddresses failingAddresses, TransactionTemplate transactions, MailSettings settings, Clock clock) {
        this.messages = messages;
        this.transport = transport;
        this.rendering = rendering;
        this.failingAddresses = failingAddresses;
        this.transactions = transactions;
        this.retries = settings.retrySchedule();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${guichet.mail.poll-interval}", initialDelayString = "${guichet.mail.poll-interval}")
    /** Sends what is due; returns how many messages were delivered. */
    public int sendDue() {
        transactions.executeWithoutResult(status -> messages.releaseStaleClaims(clock.instant().minus(STALE_CLAIM)));
        List<Long> due = messages.findDue(DUE, clock.instant(), Limit.of(BATCH));
        int delivered = 0;
        for (Long id : due) {
            Boolean claimed = transactions.execute(status -> messages.claim(id, DUE, clock.instant()) == 1);
            if (Boolean.TRUE.equals(claimed) && deliver(id)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliver(long id) {
        OutboxMessage claimed = messages.findById(id).orElseThrow();
        String recipient = claimed.getRecipient();
        if (claimed.getKind().canUnsubscribe()) {
            Optional<FailingAddress> failing = failingAddresses.find(recipient);
            if (failing.isPresent()) {
                withhold(id, failing.get());
                return false;
            }
        }
        try {
            rendering.render(id);
            transport.deliver(messages.findWithAttachments(id).orElseThrow());
        } catch (Exception e) {
            failed(id, recipient, e);
            return false;
        }
        transactions.executeWithoutResult(status -> messages.findById(id).orElseThrow().sent(clock.instant()));
        failingAddresses.delivered(recipient);
        return true;
    }

    private void withhold(long id, FailingAddress failing) {
        transactions.executeWithoutResult(status -> messages.findById(id).orElseThrow()
                .withheld(failing.getReason(), clock.instant()));
        log.info("Mail {} to {} not sent: the address is failing since {} ({})", id, failing.getAddress(),
                failing.getFirstFailedAt(), failing.getReason());
    }

    private void failed(long id, String recipient, Exception e) {
        DeliveryError error = DeliveryError.of(e);
        Optional<String> rejection = error.rejectionOf(recipient);
        OutboxMessage failed = transactions.execute(status -> {
            OutboxMessage message = messages.findById(id).orElseThrow();
            rejection.ifPresentOrElse(reply -> message.rejected(reply, clock.instant()),
                    () -> message.failed(error.description(), clock.instant(), retries));
            return message;
        });
        if (rejection.isPresent()) {
            failingAddresses.refused(recipient, rejection.get());
            log.warn("Mail {} to {} refused for good, the address is now failing: {}", id, recipient,
                    rejection.get());
        } else if (failed.getStatus() == OutboxStatus.FAILED) {
            log.error("Mail {} to {} given up after {} attempts", id, recipient, failed.getAttempts(), e);
        } else {
            log.warn("Mail {} to {} not delivered (attempt {}): {}", id, recipient, failed.getAttempts(),
                    e.toString());
        }
    }
}
