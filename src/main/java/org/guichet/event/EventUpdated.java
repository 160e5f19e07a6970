package org.guichet.event;

/**
 * What an integrator calls an update: a published event's details were changed by its organizer, or a draft was
 * published. Published in the changing transaction. Seats sold and ticket types are not part of it.
 */
public record EventUpdated(long eventId) {
}
