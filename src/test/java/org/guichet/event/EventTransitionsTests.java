package org.guichet.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.guichet.shared.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every state an event can be in, times every action on it: allowed ones land where they should, refused ones throw
 * the refusal its page would show and leave the event as it was; what the pages ask ({@code canPublish},
 * {@code canCancel}, {@code canDelete}) always agrees with what the action does.
 */
class EventTransitionsTests {

    private static final Instant CREATED = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant START = CREATED.plus(Duration.ofDays(7));
    private static final Instant END = START.plus(Duration.ofHours(3));

    /** The moment an action is tried, relative to the event. */
    enum Moment {
        BEFORE(CREATED.plus(Duration.ofDays(1))), DURING(START.plus(Duration.ofHours(1))), AFTER(END.plus(Duration.ofDays(1)));

        final Instant at;

        Moment(Instant at) {
            this.at = at;
        }
    }

    @ParameterizedTest(name = "{0} at {1}: {2} gives {3}")
    @CsvSource(delimiter = '|', value = {
            "DRAFT     | BEFORE | publish | PUBLISHED",
            "DRAFT     | DURING | publish | event.error.publishPast",
            "DRAFT     | AFTER  | publish | event.error.publishPast",
            "PUBLISHED | BEFORE | publish | event.error.notADraft",
            "PUBLISHED | DURING | publish | event.error.notADraft",
            "PUBLISHED | AFTER  | publish | event.error.notADraft",
            "CANCELLED | BEFORE | publish | event.error.notADraft",
            "CANCELLED | DURING | publish | event.error.notADraft",
            "CANCELLED | AFTER  | publish | event.error.notADraft",
            "DRAFT     | BEFORE | cancel  | CANCELLED",
            "DRAFT     | DURING | cancel  | CANCELLED",
            "DRAFT     | AFTER  | cancel  | event.error.cancelPast",
            "PUBLISHED | BEFORE | cancel  | CANCELLED",
            "PUBLISHED | DURING | cancel  | CANCELLED",
            "PUBLISHED | AFTER  | cancel  | event.error.cancelPast",
            "CANCELLED | BEFORE | cancel  | event.error.alreadyCancelled",
            "CANCELLED | DURING | cancel  | event.error.alreadyCancelled",
            "CANCELLED | AFTER  | cancel  | event.error.alreadyCancelled",
    })
    void publishesAndCancelsOnlyWhatTheRulesAllow(EventStatus status, Moment moment, String action, String expected) {
        Event event = eventIn(status);
        EventStatus statusBefore = event.getStatus();
        Instant publishedBefore = event.getPublishedAt();
        Instant updatedBefore = event.getUpdatedAt();
        boolean allowed = !expected.startsWith("event.error.");
        boolean asked = "publish".equals(action) ? event.canPublish(moment.at) : event.canCancel(moment.at);
        assertThat(asked).as("what the pages are told").isEqualTo(allowed);

        Runnable attempt = "publish".equals(action) ? () -> event.publish(moment.at) : () -> event.cancel(moment.at);
        if (allowed) {
            attempt.run();
            assertThat(event.getStatus()).isEqualTo(EventStatus.valueOf(expected));
            assertThat(event.getUpdatedAt()).isEqualTo(moment.at);
            assertThat(event.getPublishedAt()).isEqualTo("publish".equals(action) ? moment.at : publishedBefore);
        } else {
            Refusal refused = catchThrowableOfType(Refusal.class, attempt::run);
            assertThat(refused).as("%s must be refused", action).isNotNull();
            assertThat(refused.reasons()).singleElement().satisfies(violation -> {
                assertThat(violation.field()).isNull();
                assertThat(violation.messageKey()).isEqualTo(expected);
            });
            assertThat(event.getStatus()).isEqualTo(statusBefore);
            assertThat(event.getPublishedAt()).isEqualTo(publishedBefore);
            assertThat(event.getUpdatedAt()).isEqualTo(updatedBefore);
        }
    }

    @ParameterizedTest(name = "{0} with {1} seats taken, kept elsewhere {2}: deleting is {3}")
    @CsvSource(delimiter = '|', value = {
            "DRAFT     | 0 | false | allowed",
            "DRAFT     | 0 | true  | event.error.deleteWithTickets",
            "DRAFT     | 2 | false | event.error.deleteWithTickets",
            "PUBLISHED | 0 | false | allowed",
            "PUBLISHED | 0 | true  | event.error.deleteWithTickets",
            "PUBLISHED | 2 | false | event.error.deleteWithTickets",
            "PUBLISHED | 2 | true  | event.error.deleteWithTickets",
            "CANCELLED | 0 | false | allowed",
            "CANCELLED | 0 | true  | event.error.deleteWithTickets",
            "CANCELLED | 2 | false | event.error.deleteWithTickets",
    })
    void deletesOnlyAnEventNobodyHoldsOrKeeps(EventStatus status, int seatsTaken, boolean keptElsewhere,
            String expected) {
        Event event = eventIn(status);
        event.countSeatsTaken(seatsTaken);
        boolean allowed = "allowed".equals(expected);
        assertThat(event.canDelete(keptElsewhere)).as("what the pages are told").isEqualTo(allowed);
        if (allowed) {
            event.checkDeletable(keptElsewhere);
        } else {
            Refusal refused = catchThrowableOfType(Refusal.class, () -> event.checkDeletable(keptElsewhere));
            assertThat(refused).isNotNull();
            assertThat(refused.reasons()).singleElement()
                    .satisfies(violation -> assertThat(violation.messageKey()).isEqualTo(expected));
        }
        assertThat(event.getStatus()).as("deleting changes no state: the service removes the row").isEqualTo(status);
        assertThat(event.getSeatsTaken()).isEqualTo(seatsTaken);
    }

    private static Event eventIn(EventStatus status) {
        EventDetails details = new EventDetails("Concert", "About it", "concert", "Salle", null, "Lyon", "France",
                null, START, END, ZoneId.of("Europe/Paris"), 100, BigDecimal.ZERO, "EUR", Visibility.PUBLIC);
        Event event = new Event(null, details, null, "<p>About it</p>", "token", CREATED);
        if (status != EventStatus.DRAFT) {
            event.publish(CREATED);
        }
        if (status == EventStatus.CANCELLED) {
            event.cancel(CREATED);
        }
        assertThat(event.getStatus()).isEqualTo(status);
        return event;
    }
}
