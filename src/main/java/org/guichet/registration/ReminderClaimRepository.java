package org.guichet.registration;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ReminderClaimRepository extends JpaRepository<ReminderClaim, Long> {

    /**
     * Claims this recipient's reminder: 1 if this transaction wrote the row, 0 if it existed already (or another
     * transaction wrote it first: the database makes this one wait for it, then changes nothing).
     */
    @Modifying
    @Query(value = "insert into event_reminder_claims (event_id, reminder, starts_at, recipient, claimed_at)"
            + " values (:eventId, :reminder, :startsAt, :recipient, :now) on conflict do nothing", nativeQuery = true)
    int claim(long eventId, String reminder, Instant startsAt, String recipient, Instant now);

    List<ReminderClaim> findByEventIdOrderById(long eventId);
}
