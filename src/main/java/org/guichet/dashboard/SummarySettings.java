package org.guichet.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The organizers' daily summary ({@code guichet.summaries.*}): a day is a calendar day in {@code zone}; its summary
 * is due from {@code send-at} the next morning (in the same zone); the job looks for due summaries every
 * {@code check-interval}.
 */
@ConfigurationProperties("guichet.summaries")
record SummarySettings(ZoneId zone, LocalTime sendAt, Duration checkInterval) {

    SummarySettings {
        zone = zone == null ? ZoneId.of("Europe/Paris") : zone;
        sendAt = sendAt == null ? LocalTime.of(7, 0) : sendAt;
        checkInterval = checkInterval == null ? Duration.ofMinutes(15) : checkInterval;
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("guichet.summaries.check-interval must be positive");
        }
    }

    /**
     * The one day whose summary is due at {@code now}: yesterday once today's sending time has come, the day
     * before until then. Only that day: a summary missed while no instance ran is sent when one comes back, as
     * long as it is still the latest due; older ones are not sent as a backlog.
     */
    LocalDate dueDay(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate today = local.toLocalDate();
        return local.toLocalTime().isBefore(sendAt) ? today.minusDays(2) : today.minusDays(1);
    }

    /** When the day begins, in the summaries' zone. */
    Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** When the day ends (the next one begins): the day is {@code [start, end)}. */
    Instant end(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
