package org.guichet.registration;

import org.guichet.event.EventDeletionGuard;
import org.springframework.stereotype.Component;

/** An event that has had orders (even cancelled) keeps them: it can be cancelled, not deleted. */
@Component
class TicketsKeepEvents implements EventDeletionGuard {

    private final OrderRepository orders;

    TicketsKeepEvents(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public boolean forbidsDeleting(long eventId) {
        return orders.existsByEventId(eventId);
    }
}
