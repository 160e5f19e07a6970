package org.guichet.event;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One of an event's reminders for its current start: when it falls due, and when it was done with (sent, passed
 * over for a closer one due at the same time, or already past when it was chosen or the start moved), null while
 * it is still to send.
 */
@Embeddable
class EventReminder {

    @Enumerated(EnumType.STRING)
    @Column(name = "reminder")
    private Reminder reminder;

    private Instant dueAt;

    private Instant doneAt;

    protected EventReminder() {
    }

    private EventReminder(Reminder reminder, Instant dueAt, Instant doneAt) {
        this.reminder = reminder;
        this.dueAt = dueAt;
        this.doneAt = doneAt;
    }

    /**
     * The reminder for an event starting then, chosen (or the start moved) now: to send at its time, unless that time
     * is already past, in which case it is done at once and never sent late.
     */
    static EventReminder armed(Reminder reminder, Instant start, Instant now) {
        Instant due = start.minus(reminder.before());
        return new EventReminder(reminder, due, due.isAfter(now) ? null : now);
    }

    Reminder reminder() {
        return reminder;
    }

    Instant dueAt() {
        return dueAt;
    }

    boolean isDue(Instant now) {
        return doneAt == null && !dueAt.isAfter(now);
    }

    boolean isPending() {
        return doneAt == null;
    }

    EventReminder doneAt(Instant now) {
        return new EventReminder(reminder, dueAt, now);
    }
}
