package org.guichet.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When an event's ticket holders are reminded: each reminder at its time before the start, late (after downtime)
 * but never once the event has started, only the closest of those due at once, and never one whose time had
 * already passed when it was chosen, when the start moved, or while the event was a draft.
 */
class EventReminderRulesTests {

    private static final Instant CREATED = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant START = CREATED.plus(Duration.ofDays(10));
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void aNewEventIsRemindedTheDayBeforeByDefault() {
        Event event = published(null);

        assertThat(event.getReminders()).containsExactly(Reminder.DAY_BEFORE);
        assertThat(event.reminderDue(START.minus(Duration.ofDays(1)).minus(MINUTE))).as("not before its time").isEmpty();
        assertThat(event.reminderDue(START.minus(Duration.ofDays(1)))).contains(Reminder.DAY_BEFORE);
    }

    @ParameterizedTest(name = "{0} and {1} ahead of the start: {2}")
    @CsvSource(delimiter = '|', value = {
            // chosen                         | checked at, before start | due
            "HOUR_BEFORE                      | PT2H                     | none",
            "HOUR_BEFORE                      | PT1H                     | HOUR_BEFORE",
            "HOUR_BEFORE                      | PT1M                     | HOUR_BEFORE",
            "HOUR_BEFORE                      | PT0S                     | none",
            "HOUR_BEFORE                      | -PT1M                    | none",
            "DAY_BEFORE                       | PT24H1M                  | none",
            "DAY_BEFORE                       | PT10H                    | DAY_BEFORE",
            "TWO_DAYS_BEFORE                  | PT47H                    | TWO_DAYS_BEFORE",
            "WEEK_BEFORE                      | P7DT1M                   | none",
            "WEEK_BEFORE                      | P6D                      | WEEK_BEFORE",
            "WEEK_BEFORE DAY_BEFORE           | P6D                      | WEEK_BEFORE",
            "WEEK_BEFORE DAY_BEFORE           | PT23H                    | DAY_BEFORE",
            "WEEK_BEFORE TWO_DAYS_BEFORE DAY_BEFORE HOUR_BEFORE | PT30M  | HOUR_BEFORE",
            "none                             | PT30M                    | none",
    })
    void theReminderDueIsTheClosestWhoseTimeHasComeUntilTheStart(String chosen, Duration ahead, String due) {
        Event event = published(reminders(chosen));

        assertThat(event.reminderDue(START.minus(ahead)))
                .isEqualTo("none".equals(due) ? java.util.Optional.empty() : java.util.Optional.of(Reminder.valueOf(due)));
    }

    @Test
    void onceSentAReminderIsNotDueAgainButACloserOneStillIs() {
        Event event = published(EnumSet.of(Reminder.WEEK_BEFORE, Reminder.DAY_BEFORE));
        Instant weekBefore = START.minus(Duration.ofDays(7));

        event.settleReminders(weekBefore);

        assertThat(event.reminderDue(weekBefore.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(event.reminderDue(START.minus(Duration.ofHours(20)))).contains(Reminder.DAY_BEFORE);
    }

    @Test
    void afterDowntimeOnlyTheClosestIsSentAndTheFartherOnesAreDoneWithIt() {
        Event event = published(EnumSet.of(Reminder.WEEK_BEFORE, Reminder.TWO_DAYS_BEFORE));
        Instant backAt = START.minus(Duration.ofDays(1));

        assertThat(event.reminderDue(backAt)).contains(Reminder.TWO_DAYS_BEFORE);
        event.settleReminders(backAt);
        assertThat(event.reminderDue(backAt.plus(MINUTE))).as("the week-before one is not sent on the eve").isEmpty();
    }

    @Test
    void aReminderChosenAfterItsTimeIsNeverSentOneChosenBeforeIsAndOnesKeptKeepTheirState() {
        Event event = published(EnumSet.of(Reminder.DAY_BEFORE));
        Instant threeDaysBefore = START.minus(Duration.ofDays(3));
        Instant dayBefore = START.minus(Duration.ofDays(1));
        event.settleReminders(dayBefore);

        event.remindAt(EnumSet.of(Reminder.WEEK_BEFORE, Reminder.DAY_BEFORE, Reminder.HOUR_BEFORE), dayBefore);

        assertThat(event.getReminders()).containsExactly(Reminder.HOUR_BEFORE, Reminder.DAY_BEFORE,
                Reminder.WEEK_BEFORE);
        assertThat(event.reminderDue(dayBefore.plus(MINUTE))).as("neither the week-before chosen late, nor the"
                + " day-before already sent").isEmpty();
        assertThat(event.reminderDue(START.minus(Duration.ofMinutes(30)))).contains(Reminder.HOUR_BEFORE);

        Event other = published(EnumSet.of(Reminder.DAY_BEFORE));
        other.remindAt(EnumSet.of(Reminder.WEEK_BEFORE), threeDaysBefore);
        assertThat(other.reminderDue(START.minus(Duration.ofHours(1)))).as("chosen three days ahead: too late")
                .isEmpty();
    }

    @Test
    void noneChosenMeansNoReminder() {
        Event event = published(EnumSet.of(Reminder.DAY_BEFORE));

        event.remindAt(Set.of(), CREATED);

        assertThat(event.getReminders()).isEmpty();
        assertThat(event.reminderDue(START.minus(Duration.ofMinutes(1)))).isEmpty();
    }

    @Test
    void movingTheStartSchedulesTheRemindersAnewExceptThoseAlreadyPast() {
        Event event = published(EnumSet.of(Reminder.WEEK_BEFORE, Reminder.DAY_BEFORE));
        Instant weekBefore = START.minus(Duration.ofDays(7));
        event.settleReminders(weekBefore);
        Instant later = START.plus(Duration.ofDays(14));

        event.apply(details(later, null), null, "", weekBefore);

        assertThat(event.reminderDue(later.minus(Duration.ofDays(7)))).as("reminded again before the new date")
                .contains(Reminder.WEEK_BEFORE);

        Event soon = published(EnumSet.of(Reminder.DAY_BEFORE));
        Instant eve = START.minus(Duration.ofHours(20));
        soon.settleReminders(eve);
        soon.apply(details(START.plus(Duration.ofHours(2)), null), null, "", eve);
        assertThat(soon.reminderDue(eve.plus(MINUTE))).as("a start moved by two hours on the eve: no second mail")
                .isEmpty();
    }

    @Test
    void anEditThatLeavesTheStartAndTheRemindersAloneChangesNoReminder() {
        Event event = published(EnumSet.of(Reminder.DAY_BEFORE));
        Instant dayBefore = START.minus(Duration.ofDays(1));
        event.settleReminders(dayBefore);

        event.apply(details(START, EnumSet.of(Reminder.DAY_BEFORE)), null, "", dayBefore.plus(MINUTE));
        event.apply(details(START, null), null, "", dayBefore.plus(MINUTE));

        assertThat(event.reminderDue(dayBefore.plus(Duration.ofMinutes(2)))).isEmpty();
    }

    @Test
    void remindersDueWhileADraftAreNotSentWhenItIsPublishedAndNeverForAnEventThatIsNotPublished() {
        Event draft = new Event(null, details(START, EnumSet.of(Reminder.WEEK_BEFORE, Reminder.HOUR_BEFORE)), null,
                "", "token", CREATED);
        assertThat(draft.reminderDue(START.minus(Duration.ofDays(2)))).as("a draft").isEmpty();

        draft.publish(START.minus(Duration.ofDays(2)));

        assertThat(draft.reminderDue(START.minus(Duration.ofDays(2)))).isEmpty();
        assertThat(draft.reminderDue(START.minus(Duration.ofMinutes(30)))).contains(Reminder.HOUR_BEFORE);

        Event cancelled = published(EnumSet.of(Reminder.DAY_BEFORE));
        cancelled.cancel(CREATED);
        assertThat(cancelled.reminderDue(START.minus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void onlyTheTimePlaceOrOnlineLinkAreChangesHoldersAreToldOf() {
        WhenAndWhere before = new WhenAndWhere(START, START.plus(Duration.ofHours(2)), "Salle", "1 rue", "Lyon",
                "France", null);

        assertThat(before.differsFrom(new WhenAndWhere(START, START.plus(Duration.ofHours(2)), "Salle", "1 rue",
                "Lyon", "France", null))).isFalse();
        List.of(new WhenAndWhere(START.plus(MINUTE), START.plus(Duration.ofHours(2)), "Salle", "1 rue", "Lyon",
                        "France", null),
                new WhenAndWhere(START, START.plus(Duration.ofHours(3)), "Salle", "1 rue", "Lyon", "France", null),
                new WhenAndWhere(START, START.plus(Duration.ofHours(2)), "Salle B", "1 rue", "Lyon", "France", null),
                new WhenAndWhere(START, START.plus(Duration.ofHours(2)), "Salle", "2 rue", "Lyon", "France", null),
                new WhenAndWhere(START, START.plus(Duration.ofHours(2)), "Salle", "1 rue", "Paris", "France", null),
                new WhenAndWhere(START, START.plus(Duration.ofHours(2)), "Salle", "1 rue", "Lyon", "France",
                        "https://meet.example.org/x"))
                .forEach(after -> assertThat(before.differsFrom(after)).as(after.toString()).isTrue());
        assertThat(before.place()).isEqualTo("Salle, 1 rue, Lyon, France");
        assertThat(before.mapQuery()).isEqualTo("1 rue, Lyon, France");
        assertThat(new WhenAndWhere(START, START, "Le Sunset", null, null, null, null).mapQuery())
                .isEqualTo("Le Sunset");
    }

    @Test
    void onlyTheOfferedRemindersAreRead() {
        assertThat(Reminder.parse(List.of("WEEK_BEFORE", "HOUR_BEFORE")))
                .containsExactly(Reminder.HOUR_BEFORE, Reminder.WEEK_BEFORE);
        assertThat(Reminder.parse(List.of())).isEmpty();
        assertThat(Reminder.parse(List.of("DAY_BEFORE", "MONTH_BEFORE"))).isNull();
        assertThat(Reminder.parse(List.of("day_before"))).isNull();
    }

    private static Set<Reminder> reminders(String names) {
        return "none".equals(names) ? Set.of()
                : Reminder.parse(List.of(names.trim().split("\\s+")));
    }

    private static Event published(Set<Reminder> reminders) {
        Event event = new Event(null, details(START, reminders), null, "", "token", CREATED);
        event.publish(CREATED);
        return event;
    }

    private static EventDetails details(Instant start, Set<Reminder> reminders) {
        return new EventDetails("Concert", "About it", "concert", "Salle", null, "Lyon", "France", null, start,
                start.plus(Duration.ofHours(3)), ZoneId.of("Europe/Paris"), 100, BigDecimal.ZERO, "EUR",
                Visibility.PUBLIC, null, Event.DEFAULT_MAX_PER_PERSON, reminders);
    }
}
