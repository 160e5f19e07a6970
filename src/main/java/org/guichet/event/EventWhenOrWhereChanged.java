package org.guichet.event;

/**
 * An organizer changed the time, the place or the online link of a published event that is not over; published in
 * the changing transaction, so whatever its ticket holders are told commits with the change or not at all.
 */
public record EventWhenOrWhereChanged(long eventId, WhenAndWhere before, WhenAndWhere after) {
}
