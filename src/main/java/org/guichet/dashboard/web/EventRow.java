package org.guichet.dashboard.web;

import java.time.Instant;

import org.guichet.dashboard.EventFigures;
import org.guichet.event.Event;
import org.guichet.event.EventStatus;

/**
 * One line of the dashboard's table: the event, its figures, and which actions it allows now (the same rules as
 * the actions themselves, so no button leads to a refusal).
 */
record EventRow(Event event, EventFigures figures, boolean publishable, boolean cancellable, boolean deletable) {

    static EventRow of(Event event, EventFigures figures, Instant now) {
        return new EventRow(event, figures,
                event.getStatus() == EventStatus.DRAFT && !event.hasStarted(now),
                event.getStatus() != EventStatus.CANCELLED && !event.isOver(now),
                event.getSeatsTaken() == 0 && figures.orders() == 0);
    }
}
