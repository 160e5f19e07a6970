package org.guichet.event;

/** An organizer cancelled an event (published in the cancelling transaction). */
public record EventCancelled(long eventId) {
}
