package org.guichet.event;

import java.time.Instant;

/** Where an event stands for someone who would like to come. */
public enum EventAvailability {
    OPEN, SOLD_OUT, STARTED, CANCELLED, DRAFT;

    public static EventAvailability of(Event event, Instant now) {
        if (event.getStatus() == EventStatus.DRAFT) {
            return DRAFT;
        }
        if (event.getStatus() == EventStatus.CANCELLED) {
            return CANCELLED;
        }
        if (event.hasStarted(now)) {
            return STARTED;
        }
        return event.isSoldOut() ? SOLD_OUT : OPEN;
    }
}
