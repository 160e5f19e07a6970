package org.guichet.event;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * When ticket holders are reminded of an event, before its start; an organizer chooses any of these on the event
 * form (none, one, or several). In order from the closest to the start.
 */
public enum Reminder {

    HOUR_BEFORE(Duration.ofHours(1)),
    DAY_BEFORE(Duration.ofDays(1)),
    TWO_DAYS_BEFORE(Duration.ofDays(2)),
    WEEK_BEFORE(Duration.ofDays(7));

    /** What a new event gets unless its organizer chooses otherwise: a reminder the day before. */
    public static final Set<Reminder> DEFAULT = Set.of(DAY_BEFORE);

    private final Duration before;

    Reminder(Duration before) {
        this.before = before;
    }

    public Duration before() {
        return before;
    }

    /** The set of reminders named so, or null when a name is not one of them (a forged or stale form). */
    public static Set<Reminder> parse(Iterable<String> names) {
        Set<Reminder> chosen = EnumSet.noneOf(Reminder.class);
        if (names == null) {
            return chosen;
        }
        for (String name : names) {
            try {
                chosen.add(valueOf(name));
            } catch (IllegalArgumentException | NullPointerException unknown) {
                return null;
            }
        }
        return chosen;
    }
}
