package org.guichet.registration;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.guichet.event.Event;
import org.guichet.event.Money;
import org.springframework.stereotype.Component;

/** How pages write ticket prices and how many of a type one may choose. */
@Component("registrationFormat")
public class RegistrationFormat {

    public String price(TicketType type, Event event, Locale locale) {
        return Money.format(type.getPrice(), event.getCurrency(), locale);
    }

    public String offerUntil(WaitingListEntry entry, Event event, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .format(entry.getOfferExpiresAt().atZone(event.getZone()));
    }

    public int maxChoice(TicketType type) {
        return Math.min(type.getMaxPerOrder(), type.getRemaining());
    }

    /** A moment on the event's clock, short: "24/11/2026 19:42" or "11/24/26, 7:42 PM". */
    public String moment(Instant instant, Event event, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale)
                .format(instant.atZone(event.getZone()));
    }

    /** The time of day on the event's clock, as the door says it: "19:42". */
    public String time(Instant instant, Event event, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale)
                .format(instant.atZone(event.getZone()));
    }
}
