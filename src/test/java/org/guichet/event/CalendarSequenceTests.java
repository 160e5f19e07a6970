package org.guichet.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * An event's calendar files let calendar apps update the entry they already have: every file of an event has the
 * same UID, and its SEQUENCE grows with each change of time, place or online link (and with its cancellation) and
 * stays the same through any other edit.
 */
class CalendarSequenceTests {

    private static final Instant CREATED = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant START = CREATED.plus(Duration.ofDays(7));
    private static final String URL = "https://guichet.example/tickets";

    @Test
    void theSequenceGrowsWithEachChangeOfTimePlaceOrLinkAndOnlyThenAndTheUidNeverChanges() {
        Event event = new Event(null, details("Concert", START, "Salle", "Lyon", null, 100), null, "", "token",
                CREATED);
        ReflectionTestUtils.setField(event, "id", 42L);
        event.publish(CREATED);
        assertThat(properties(event, CREATED)).containsSubsequence("UID:event-42@guichet", "SEQUENCE:0");

        Instant later = CREATED.plus(Duration.ofHours(1));
        event.apply(details("Concert (new title)", START, "Salle", "Lyon", null, 150), null, "<p>Other</p>", later);
        assertThat(sequence(event, later)).as("title, description, seats: not a calendar change").isEqualTo("0");

        event.apply(details("Concert (new title)", START.plus(Duration.ofHours(1)), "Salle", "Lyon", null, 150),
                null, "", later);
        assertThat(sequence(event, later)).as("a new time").isEqualTo("1");
        event.apply(details("Concert (new title)", START.plus(Duration.ofHours(1)), "Salle", "Lyon", null, 150),
                null, "", later);
        assertThat(sequence(event, later)).as("saved again unchanged").isEqualTo("1");
        event.apply(details("Concert (new title)", START.plus(Duration.ofHours(1)), "Autre salle", "Lyon", null, 150),
                null, "", later);
        assertThat(sequence(event, later)).as("a new place").isEqualTo("2");
        event.apply(details("Concert (new title)", START.plus(Duration.ofHours(1)), "Autre salle", "Lyon",
                "https://meet.example.org/live", 150), null, "", later);
        assertThat(sequence(event, later)).as("a new online link").isEqualTo("3");

        event.cancel(later);
        assertThat(properties(event, later)).contains("STATUS:CANCELLED", "SEQUENCE:4", "UID:event-42@guichet");
        assertThat(event.getCalendarSequence()).isEqualTo(4);
    }

    @Test
    void theSameEventGivesTheSameUidAndSequenceWhenEverTheFileIsMade() {
        Event event = new Event(null, details("Atelier", START, "Salle", "Nantes", null, 10), null, "", "token",
                CREATED);
        ReflectionTestUtils.setField(event, "id", 7L);
        List<String> first = properties(event, CREATED);
        List<String> second = properties(event, CREATED.plus(Duration.ofDays(1)));

        assertThat(first.stream().filter(line -> !line.startsWith("DTSTAMP:")).toList())
                .isEqualTo(second.stream().filter(line -> !line.startsWith("DTSTAMP:")).toList());
        assertThat(first).contains("UID:event-7@guichet", "SEQUENCE:0");
    }

    private static String sequence(Event event, Instant now) {
        return properties(event, now).stream().filter(line -> line.startsWith("SEQUENCE:"))
                .map(line -> line.substring("SEQUENCE:".length())).findFirst().orElseThrow();
    }

    private static List<String> properties(Event event, Instant now) {
        return Arrays.asList(CalendarFile.of(event, URL, now).split("\r\n"));
    }

    private static EventDetails details(String title, Instant start, String venue, String city, String onlineUrl,
            int capacity) {
        return new EventDetails(title, "About it", "concert", venue, null, city, "France", onlineUrl, start,
                start.plus(Duration.ofHours(3)), ZoneId.of("Europe/Paris"), capacity, BigDecimal.ZERO, "EUR",
                Visibility.PUBLIC);
    }
}
