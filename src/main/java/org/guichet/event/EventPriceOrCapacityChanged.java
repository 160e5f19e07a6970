package org.guichet.event;

import java.math.BigDecimal;

/**
 * The organizer changed the event form's capacity, or the price of its single ticket type ({@code price} null:
 * unchanged); an event with a single ticket type follows it.
 */
public record EventPriceOrCapacityChanged(long eventId, BigDecimal price, int capacity) {
}
