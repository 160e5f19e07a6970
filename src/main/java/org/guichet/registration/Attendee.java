package org.guichet.registration;

import java.time.Instant;

/** One line of an event's attendee list: a ticket, its holder, and the order it came with. */
public record Attendee(long ticketId, String name, String email, Instant orderedAt, String ticketType,
        OrderStatus orderStatus, PaymentStatus paymentStatus, String orderReference, Instant checkedInAt) {
}
