package org.guichet.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

/** What an organizer says about an event, already parsed; {@link EventService} checks the rules. */
public record EventDetails(String title, String description, String categorySlug, String venueName, String address,
        String city, String country, String onlineUrl, Instant startsAt, Instant endsAt, ZoneId timeZone,
        int capacity, BigDecimal price, String currency, Visibility visibility) {
}
