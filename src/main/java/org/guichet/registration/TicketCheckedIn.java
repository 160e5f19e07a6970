package org.guichet.registration;

import java.time.Instant;

/** A ticket was admitted at the door (published in the checking-in transaction; an undo publishes nothing). */
public record TicketCheckedIn(long ticketId, long orderId, long eventId, Instant checkedInAt) {
}
