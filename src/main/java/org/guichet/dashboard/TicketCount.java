package org.guichet.dashboard;

/** How many of an event's tickets are in one state and payment state, and how many of those came in. */
public record TicketCount(String status, String paymentStatus, long count, long checkedIn) {
}
