package org.guichet.registration;

import java.math.BigDecimal;
import java.time.Instant;

/** What an organizer says about a ticket type, already parsed. */
public record TicketTypeDetails(String name, BigDecimal price, Integer quantity, Integer maxPerOrder,
        Instant saleStartsAt, Instant saleEndsAt) {
}
