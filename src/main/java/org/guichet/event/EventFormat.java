package org.guichet.event;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.StringJoiner;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** How pages write an event's dates, price and category: in the event's own time zone and the reader's language. */
@Component("eventFormat")
public class EventFormat {

    private final MessageSource messages;

    EventFormat(MessageSource messages) {
        this.messages = messages;
    }

    public String start(Event event, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(locale).format(event.getLocalStart());
    }

    public String shortStart(Event event, Locale locale) {
        return DateTimeFormatter.ofPattern("EEE d MMM yyyy · HH:mm", locale).format(event.getLocalStart());
    }

    /** "Saturday 12 December 2026 at 19:00 – 22:00", or both dates when the event spans days. */
    public String span(Event event, Locale locale) {
        return span(event.getStartsAt(), event.getEndsAt(), event.getZone(), locale);
    }

    /** The same for any start and end on this clock (what an event's times were before a change). */
    public String span(Instant startsAt, Instant endsAt, ZoneId zone, Locale locale) {
        ZonedDateTime start = startsAt.atZone(zone);
        ZonedDateTime end = endsAt.atZone(zone);
        DateTimeFormatter full = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(locale);
        if (start.toLocalDate().equals(end.toLocalDate())) {
            DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
            return full.format(start) + " – " + time.format(end);
        }
        return full.format(start) + " – " + full.format(end);
    }

    public String zone(Event event, Locale locale) {
        return event.getZone().getDisplayName(TextStyle.FULL, locale) + " (" + event.getTimeZone() + ")";
    }

    /** "Free", "€12.50" or "from €12.50", from the event's ticket types. */
    public String price(Event event, Locale locale) {
        if (event.isFree()) {
            return messages.getMessage("event.free", null, locale);
        }
        String lowest = Money.format(event.getLowestPrice(), event.getCurrency(), locale);
        return event.hasVariedPrices() ? messages.getMessage("event.priceFrom", new Object[] {lowest}, locale) : lowest;
    }

    public String category(Category category, Locale locale) {
        return category.name(locale);
    }

    /** What a map search needs to find the venue. */
    public String mapQuery(Event event) {
        StringJoiner query = new StringJoiner(", ");
        for (String part : new String[] {event.getAddress(), event.getCity(), event.getCountry()}) {
            if (part != null && !part.isBlank()) {
                query.add(part);
            }
        }
        return query.toString();
    }

    public String month(Event event, Locale locale) {
        return DateTimeFormatter.ofPattern("MMM", locale).format(event.getLocalStart());
    }

    public String day(Event event) {
        return String.valueOf(event.getLocalStart().getDayOfMonth());
    }
}
