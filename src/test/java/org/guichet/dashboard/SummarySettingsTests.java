package org.guichet.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Which day's summary is due when, and where a day begins and ends in the summaries' zone. */
class SummarySettingsTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final SummarySettings settings = new SummarySettings(PARIS, LocalTime.of(7, 0), Duration.ofMinutes(15));

    @Test
    void yesterdayIsDueFromTheSendingTimeAndTheDayBeforeUntilThen() {
        assertThat(settings.dueDay(at("2026-03-10T06:59:59"))).isEqualTo(LocalDate.parse("2026-03-08"));
        assertThat(settings.dueDay(at("2026-03-10T07:00"))).isEqualTo(LocalDate.parse("2026-03-09"));
        assertThat(settings.dueDay(at("2026-03-10T23:59"))).isEqualTo(LocalDate.parse("2026-03-09"));
        assertThat(settings.dueDay(at("2026-03-11T00:00"))).isEqualTo(LocalDate.parse("2026-03-09"));
    }

    @Test
    void theDayIsTheZonesCalendarDayEvenWhenClocksChange() {
        LocalDate springForward = LocalDate.parse("2026-03-29");
        assertThat(Duration.between(settings.start(springForward), settings.end(springForward)))
                .isEqualTo(Duration.ofHours(23));
        assertThat(settings.start(springForward)).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        LocalDate fallBack = LocalDate.parse("2026-10-25");
        assertThat(Duration.between(settings.start(fallBack), settings.end(fallBack))).isEqualTo(Duration.ofHours(25));
        assertThat(settings.dueDay(Instant.parse("2026-03-29T22:30:00Z"))).as("00:30 in Paris on the 30th")
                .isEqualTo(LocalDate.parse("2026-03-28"));
    }

    @Test
    void leftOutSettingsTakeTheirDefaultsAndAZeroIntervalIsRefused() {
        SummarySettings defaults = new SummarySettings(null, null, null);
        assertThat(defaults.zone()).isEqualTo(PARIS);
        assertThat(defaults.sendAt()).isEqualTo(LocalTime.of(7, 0));
        assertThat(defaults.checkInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThatThrownBy(() -> new SummarySettings(PARIS, LocalTime.NOON, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }
}
