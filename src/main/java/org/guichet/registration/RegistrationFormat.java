package org.guichet.registration;

import java.math.BigDecimal;
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

    /** Until when something is kept, in words and on the event's clock: "December 2, 2026, 11:40 PM". */
    public String until(Instant instant, Event event, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).format(instant.atZone(event.getZone()));
    }

    /** An amount of the order's currency, in the reader's locale. */
    public String amount(BigDecimal amount, Order order, Locale locale) {
        return Money.format(amount, order.getCurrency(), locale);
    }

    public String offerUntil(WaitingListEntry entry, Event event, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .format(entry.getOfferExpiresAt().atZone(event.getZone()));
    }

    /** How many of a type the select offers: its per-order maximum, what is left, and what the buyer may still take. */
    public int maxChoice(TicketType type, Holdings holdings) {
        int most = Math.min(type.getMaxPerOrder(), type.getRemaining());
        return holdings == null ? most : (int) Math.min(most, holdings.mayStillTake());
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
