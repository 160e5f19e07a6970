package org.guichet.event;

/**
 * Something a visitor sees of an event changed: its details, its state, its ticket types, or whether seats are left.
 * Published in the changing transaction; pages kept for visitors are dropped once it commits.
 */
public record EventChanged(long eventId) {
}
