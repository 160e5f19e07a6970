package org.guichet.event;

import java.math.BigDecimal;

/** A new event exists (in the publisher's transaction): it starts with one ticket type from its price and capacity. */
public record EventCreated(long eventId, BigDecimal price, int capacity) {
}
