package org.guichet.registration;

import java.time.Instant;

/** What the door is told about a scanned or chosen ticket. */
public record CheckInResult(Outcome outcome, Long ticketId, String attendeeName, String ticketType,
        String orderReference, Instant checkedInAt) {

    public enum Outcome {
        CHECKED_IN, ALREADY_CHECKED_IN, UNDONE, INVALID, WRONG_EVENT, CANCELLED, NOT_PAID;

        public boolean admits() {
            return this == CHECKED_IN;
        }
    }

    static CheckInResult refused(Outcome outcome) {
        return new CheckInResult(outcome, null, null, null, null, null);
    }

    static CheckInResult of(Outcome outcome, Ticket ticket, Instant checkedInAt) {
        return new CheckInResult(outcome, ticket.getId(), ticket.getAttendeeName(), ticket.getType().getName(),
                ticket.getOrder().getReference(), checkedInAt);
    }
}
