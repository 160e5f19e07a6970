package org.guichet.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.guichet.event.DueReminders;
import org.guichet.event.Event;
import org.guichet.event.Reminder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds ticket holders before their events, every {@code guichet.reminders.check-interval}. Each holder's mail is
 * written together with a unique claim, so it is written once however many instances run: the job itself runs on
 * one instance at a time (its ShedLock row), and should two runs overlap all the same (a lock held past its time),
 * the claims still let one write each mail.
 * <p>
 * What goes out when: a reminder goes at its time before the start, or as soon as the application is back if it was
 * down then, but never once the event has started. When several of an event's reminders are due at once, only the
 * closest to the start goes and the others are done with. A reminder chosen (or made due by moving the start) after
 * its time has passed is never sent, nor one that fell due while the event was a draft. One mail per address covers
 * all the valid tickets it holds (a buyer's, and those made out to an attendee at an address of their own), and is
 * claimed for that address; holders who switched reminders off get none.
 */
@Component
public class EventReminders {

    private static final Logger log = LoggerFactory.getLogger(EventReminders.class);

    private final DueReminders due;
    private final TicketHolders holders;
    private final HolderMails mails;
    private final ReminderClaimRepository claims;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EventReminders(DueReminders due, TicketHolders holders, HolderMails mails, ReminderClaimRepository claims,
            TransactionTemplate transactions, Clock clock) {
        this.due = due;
        this.holders = holders;
        this.mails = mails;
        this.claims = claims;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Writes every reminder due now into the outbox; called by the schedule (and by tests, with their clock). */
    @SchedulerLock(name = "event-reminders", lockAtMostFor = "30m")
    public void sendDue() {
        Instant now = clock.instant();
        for (Event event : due.events(now)) {
            Optional<Reminder> reminder = event.reminderDue(now);
            if (reminder.isPresent() && remind(event, reminder.get(), now)) {
                due.sent(event.getId(), event.getStartsAt(), now);
            }
        }
    }

    /**
     * Each holder in their own transaction; true once every holder is reminded (or had been). Not locked: runs that
     * overlap (a lock held past its time) still write each mail once, thanks to the claims.
     */
    boolean remind(Event event, Reminder reminder, Instant now) {
        int written = 0;
        boolean complete = true;
        for (TicketHolders.Holder holder : holders.of(event.getId())) {
            try {
                Boolean wrote = transactions.execute(status -> claims.claim(event.getId(), reminder.name(),
                        event.getStartsAt(), holder.email().strip().toLowerCase(Locale.ROOT),
                        clock.instant()) == 1 && mails.reminder(event, holder));
                if (Boolean.TRUE.equals(wrote)) {
                    written++;
                }
            } catch (RuntimeException e) {
                complete = false;
                log.error("Reminder {} of event {} to the holder of tickets {} not written; tried again at the next"
                        + " run", reminder, event.getId(), holder.tickets().stream().map(Ticket::getId).toList(), e);
            }
        }
        if (written > 0) {
            log.info("{} reminders ({}) written for event {}", written, reminder, event.getId());
        }
        return complete;
    }

    /** Runs {@link #sendDue} through its proxy, so its lock is taken, at the configured interval. */
    @Component
    @EnableConfigurationProperties(ReminderSettings.class)
    static class Schedule implements SchedulingConfigurer {

        private final EventReminders reminders;
        private final ReminderSettings settings;

        Schedule(EventReminders reminders, ReminderSettings settings) {
            this.reminders = reminders;
            this.settings = settings;
        }

        @Override
        public void configureTasks(ScheduledTaskRegistrar tasks) {
            tasks.addFixedDelayTask(new FixedDelayTask(reminders::sendDue, settings.checkInterval(),
                    settings.checkInterval()));
        }
    }
}
