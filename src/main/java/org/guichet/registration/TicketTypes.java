package org.guichet.registration;

import java.util.List;

import org.guichet.event.EventCreated;
import org.guichet.event.EventPriceOrCapacityChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An event's ticket types; the simple case (one type from the event form) is kept in step with the form. */
@Service
public class TicketTypes {

    static final String STANDARD = "Standard";

    private final TicketTypeRepository types;

    TicketTypes(TicketTypeRepository types) {
        this.types = types;
    }

    @Transactional(readOnly = true)
    public List<TicketType> of(long eventId) {
        return types.findByEventIdOrderByPositionAscIdAsc(eventId);
    }

    /** In the creating transaction: a new event sells one "Standard" type at its price, up to its capacity. */
    @EventListener
    void on(EventCreated created) {
        types.save(new TicketType(created.eventId(), STANDARD, created.price(), created.capacity(),
                TicketType.DEFAULT_MAX_PER_ORDER, 0));
    }

    @EventListener
    void on(EventPriceOrCapacityChanged changed) {
        List<TicketType> existing = types.findByEventIdOrderByPositionAscIdAsc(changed.eventId());
        if (existing.size() == 1) {
            existing.get(0).follow(changed.price(), changed.capacity());
        }
    }
}
