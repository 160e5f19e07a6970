package org.guichet.event;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which events' ticket holders are to be reminded now, for the job that mails them (registration's), and what it
 * reports once they are: no access check, no organizer involved.
 */
@Service
public class DueReminders {

    private final EventRepository events;

    DueReminders(EventRepository events) {
        this.events = events;
    }

    /** Published events not started yet with a reminder due: {@link Event#reminderDue} says which. */
    @Transactional(readOnly = true)
    public List<Event> events(Instant now) {
        return events.findWithReminderDue(now);
    }

    /**
     * The holders of the event starting then have been reminded: its reminders due by now are done (the one sent and
     * any farther one it replaced). Returns false, changing nothing, if the start moved meanwhile.
     */
    @Transactional
    public boolean sent(long eventId, Instant startsAt, Instant now) {
        return events.settleReminders(eventId, startsAt, now) > 0;
    }
}
