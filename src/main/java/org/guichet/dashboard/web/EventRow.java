package org.guichet.dashboard.web;

import java.time.Instant;

import org.guichet.dashboard.EventFigures;
import org.guichet.event.Event;

/**
 * One line of the dashboard's table: the event, its figures, and which actions it allows now, asked of the event
 * (the rules its actions apply, so no button leads to a refusal; an event that has had orders is kept by
 * registration, as its deletion guard says).
 */
record EventRow(Event event, EventFigures figures, boolean publishable, boolean cancellable, boolean deletable) {

    static EventRow of(Event event, EventFigures figures, Instant now) {
        return new EventRow(event, figures, event.canPublish(now), event.canCancel(now),
                event.canDelete(figures.orders() > 0));
    }
}
