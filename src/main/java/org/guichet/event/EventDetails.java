package org.guichet.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

/**
 * What an organizer says about an event, already parsed; {@link EventService} checks the rules. The event stores
 * no price: {@code price} is the price of its single ticket type, which it seeds on creation and changes on an
 * update while the event has exactly one type; null on an update leaves the types' prices alone. Likewise
 * {@code reminders}: when ticket holders are reminded of it; null gives a new event {@link Reminder#DEFAULT} and
 * leaves an existing event's reminders as they are.
 */
public record EventDetails(String title, String description, String categorySlug, String venueName, String address,
        String city, String country, String onlineUrl, Instant startsAt, Instant endsAt, ZoneId timeZone,
        int capacity, BigDecimal price, String currency, Visibility visibility, Instant refundsUntil,
        int maxPerPerson, Set<Reminder> reminders) {

    public EventDetails {
        reminders = reminders == null ? null : Set.copyOf(reminders);
    }

    /** Details that leave the reminders as they are (the default ones for a new event). */
    public EventDetails(String title, String description, String categorySlug, String venueName, String address,
            String city, String country, String onlineUrl, Instant startsAt, Instant endsAt, ZoneId timeZone,
            int capacity, BigDecimal price, String currency, Visibility visibility, Instant refundsUntil,
            int maxPerPerson) {
        this(title, description, categorySlug, venueName, address, city, country, onlineUrl, startsAt, endsAt,
                timeZone, capacity, price, currency, visibility, refundsUntil, maxPerPerson, null);
    }

    /** Details with the default per-person limit. */
    public EventDetails(String title, String description, String categorySlug, String venueName, String address,
            String city, String country, String onlineUrl, Instant startsAt, Instant endsAt, ZoneId timeZone,
            int capacity, BigDecimal price, String currency, Visibility visibility, Instant refundsUntil) {
        this(title, description, categorySlug, venueName, address, city, country, onlineUrl, startsAt, endsAt,
                timeZone, capacity, price, currency, visibility, refundsUntil, Event.DEFAULT_MAX_PER_PERSON);
    }

    /** Details without a refund deadline: paid tickets are not refundable. */
    public EventDetails(String title, String description, String categorySlug, String venueName, String address,
            String city, String country, String onlineUrl, Instant startsAt, Instant endsAt, ZoneId timeZone,
            int capacity, BigDecimal price, String currency, Visibility visibility) {
        this(title, description, categorySlug, venueName, address, city, country, onlineUrl, startsAt, endsAt,
                timeZone, capacity, price, currency, visibility, null);
    }
}
