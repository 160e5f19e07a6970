package org.guichet.registration;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.guichet.event.Reminder;

/**
 * One ticket holder reminded of one event starting at a given time: written with the reminder's mail, in one
 * transaction, and unique, so no instance ever writes that mail twice ({@link ReminderClaimRepository#claim}).
 */
@Entity
@Table(name = "event_reminder_claims")
class ReminderClaim {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long eventId;

    @Enumerated(EnumType.STRING)
    private Reminder reminder;

    private Instant startsAt;

    private String recipient;

    private Instant claimedAt;

    protected ReminderClaim() {
    }

    long getEventId() {
        return eventId;
    }

    Reminder getReminder() {
        return reminder;
    }

    Instant getStartsAt() {
        return startsAt;
    }

    String getRecipient() {
        return recipient;
    }

    Instant getClaimedAt() {
        return claimedAt;
    }
}
