package org.guichet.api;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;

import org.guichet.event.Event;
import org.guichet.event.EventDetails;
import org.guichet.event.MoneyInput;
import org.guichet.event.Reminder;
import org.guichet.event.Visibility;
import org.guichet.shared.Refusal;

/**
 * An event as an organizer describes it: the web form's fields. What is left out takes the form's default
 * (time zone Europe/Paris, currency EUR, visibility PUBLIC, at most 10 tickets per person; reminders: the day
 * before for a new event, unchanged on an update). The event service checks the rest, each refusal beside its
 * field (422).
 */
record EventRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 150) String title,
        @Schema(description = "Markdown, rendered and sanitized for the page") String description,
        @Schema(description = "A category's slug", requiredMode = Schema.RequiredMode.REQUIRED) String category,
        String venueName, String address, String city, String country,
        @Schema(description = "An http(s) address for an online event") String onlineUrl,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant startsAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant endsAt,
        @Schema(description = "An IANA zone the event's times are shown in", example = "Europe/Paris") String timeZone,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1") Integer capacity,
        @Schema(description = "The single ticket type's price, a decimal string (12.50); required on creation and "
                + "while the event has one ticket type, ignored when it has several (each type has its own)",
                example = "12.50") String price,
        @Schema(example = "EUR") String currency,
        @Schema(allowableValues = {"PUBLIC", "PRIVATE"}) Visibility visibility,
        @Schema(description = "Paid tickets are refundable until then; none: not refundable") Instant refundsUntil,
        Integer maxPerPerson,
        @Schema(description = "When ticket holders are reminded: HOUR_BEFORE, DAY_BEFORE, TWO_DAYS_BEFORE, "
                + "WEEK_BEFORE") List<String> reminders) {

    private static final String DEFAULT_ZONE = "Europe/Paris";
    private static final String DEFAULT_CURRENCY = "EUR";

    /** The details for the event service; what cannot even be read (a zone, a price, a reminder) is refused here. */
    EventDetails toDetails() {
        List<Refusal.Reason> unreadable = new ArrayList<>();
        ZoneId zone = null;
        try {
            zone = ZoneId.of(Objects.requireNonNullElse(timeZone, DEFAULT_ZONE));
        } catch (DateTimeException e) {
            unreadable.add(new Refusal.Reason("timeZone", "event.error.timeZone"));
        }
        BigDecimal parsedPrice = null;
        try {
            parsedPrice = MoneyInput.parse(price, Locale.ENGLISH);
        } catch (MoneyInput.Rejected rejected) {
            unreadable.add(new Refusal.Reason("price", rejected.messageKey(), rejected.arguments()));
        }
        Set<Reminder> parsedReminders = reminders == null ? null : Reminder.parse(reminders);
        if (reminders != null && parsedReminders == null) {
            unreadable.add(new Refusal.Reason("reminders", "event.error.reminders"));
        }
        if (!unreadable.isEmpty()) {
            throw new Refusal(unreadable);
        }
        return new EventDetails(title, description, category, venueName, address, city, country, onlineUrl,
                startsAt, endsAt, zone, capacity == null ? 0 : capacity, parsedPrice,
                Objects.requireNonNullElse(currency, DEFAULT_CURRENCY),
                Objects.requireNonNullElse(visibility, Visibility.PUBLIC), refundsUntil,
                Objects.requireNonNullElse(maxPerPerson, Event.DEFAULT_MAX_PER_PERSON), parsedReminders);
    }
}
