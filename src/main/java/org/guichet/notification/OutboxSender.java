package org.guichet.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
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
    private final TransactionTemplate transactions;
    private final RetrySchedule retries;
    private final Clock clock;

    OutboxSender(OutboxRepository messages, MailTransport transport, MailRendering rendering,
            TransactionTemplate transactions, MailSettings settings, Clock clock) {
        this.messages = messages;
        this.transport = transport;
        this.rendering = rendering;
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
        try {
            rendering.render(id);
            transport.deliver(messages.findWithAttachments(id).orElseThrow());
            transactions.executeWithoutResult(status -> {
                OutboxMessage sent = messages.findById(id).orElseThrow();
                sent.sent(clock.instant());
            });
            return true;
        } catch (Exception e) {
            OutboxMessage failed = transactions.execute(status -> {
                OutboxMessage message = messages.findById(id).orElseThrow();
                message.failed(e.toString(), clock.instant(), retries);
                return message;
            });
            if (failed.getStatus() == OutboxStatus.FAILED) {
                log.error("Mail {} to {} given up after {} attempts", id, failed.getRecipient(), failed.getAttempts(), e);
            } else {
                log.warn("Mail {} to {} not delivered (attempt {}): {}", id, failed.getRecipient(),
                        failed.getAttempts(), e.toString());
            }
            return false;
        }
    }
}
