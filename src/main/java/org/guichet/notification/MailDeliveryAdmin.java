package org.guichet.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.guichet.shared.NotFound;
import org.guichet.shared.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators see and do about mail delivery: the outbox's backlog, the mails it gave up, the addresses
 * that are failing; sending a failed mail again, clearing an address.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class MailDeliveryAdmin {

    private static final Logger log = LoggerFactory.getLogger(MailDeliveryAdmin.class);
    private static final Set<OutboxStatus> DUE = EnumSet.of(OutboxStatus.PENDING, OutboxStatus.RETRY);
    public static final int PAGE_SIZE = 20;

    /** How many mails are in each state, and how long the oldest of those due now has been waiting (if any). */
    public record Backlog(Map<OutboxStatus, Long> counts, Optional<Duration> oldestDueAge) {

        public long count(OutboxStatus status) {
            return counts.getOrDefault(status, 0L);
        }
    }

    private final OutboxRepository messages;
    private final FailingAddressRepository failingAddresses;
    private final Clock clock;

    MailDeliveryAdmin(OutboxRepository messages, FailingAddressRepository failingAddresses, Clock clock) {
        this.messages = messages;
        this.failingAddresses = failingAddresses;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Backlog backlog() {
        Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
        for (OutboxStatus status : OutboxStatus.values()) {
            counts.put(status, 0L);
        }
        for (Object[] row : messages.countByStatus()) {
            counts.put((OutboxStatus) row[0], ((Number) row[1]).longValue());
        }
        Instant now = clock.instant();
        return new Backlog(counts, messages.oldestDue(DUE, now).map(oldest -> Duration.between(oldest, now)));
    }

    /** The mails given up, the latest first. */
    @Transactional(readOnly = true)
    public Page<OutboxMessage> failed(int page) {
        return messages.findByStatusOrderByFailedAtDescIdDesc(OutboxStatus.FAILED,
                PageRequest.of(Math.max(page, 0), PAGE_SIZE));
    }

    /** The failing addresses, the latest refused first. */
    @Transactional(readOnly = true)
    public Page<FailingAddress> failingAddresses(int page) {
        return failingAddresses.findAllByOrderByLastFailedAtDescIdDesc(PageRequest.of(Math.max(page, 0), PAGE_SIZE));
    }

    /** The ids of those mails whose recipient is failing now. */
    @Transactional(readOnly = true)
    public Set<Long> toFailingAddresses(Collection<OutboxMessage> mails) {
        if (mails.isEmpty()) {
            return Set.of();
        }
        Set<String> failing = new HashSet<>(failingAddresses.findFailing(
                mails.stream().map(mail -> FailingAddress.normal(mail.getRecipient())).distinct().toList()));
        Set<Long> ids = new HashSet<>();
        for (OutboxMessage mail : mails) {
            if (failing.contains(FailingAddress.normal(mail.getRecipient()))) {
                ids.add(mail.getId());
            }
        }
        return ids;
    }

    /**
     * A failed mail goes back in the queue, due now, with all its attempts before it. A mail its recipient may
     * switch off stays failed while its address is failing: the address is cleared first.
     */
    @Transactional
    public void retry(long id) {
        OutboxMessage message = messages.findById(id).orElseThrow(() -> new NotFound("mail", id));
        if (message.canRetry() && message.getKind().canUnsubscribe()
                && failingAddresses.findByAddress(FailingAddress.normal(message.getRecipient())).isPresent()) {
            throw new Refusal("mail.admin.error.addressFailing", message.getRecipient());
        }
        message.retry(clock.instant());
        log.info("Mail {} to {} sent again by an administrator", id, message.getRecipient());
    }

    /** The address receives every mail again; refused if it is not failing (any more). */
    @Transactional
    public void clear(String address) {
        if (address == null || address.isBlank()) {
            throw new Refusal("mail.admin.error.notFailing", "");
        }
        if (failingAddresses.deleteByAddress(FailingAddress.normal(address)) == 0) {
            throw new Refusal("mail.admin.error.notFailing", address.strip());
        }
        log.info("Failing address {} cleared by an administrator", address.strip());
    }
}
