package org.guichet.event;

/** A draft was made from another event (in the copying transaction): it sells what the original sells. */
public record EventDuplicated(long sourceEventId, long copyEventId) {
}
