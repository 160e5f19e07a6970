package org.guichet.registration;

import java.util.List;

import org.guichet.account.AccountPrincipal;
import org.guichet.shared.NotFound;
import org.guichet.event.EventService;

import org.guichet.event.EventChanged;
import org.guichet.event.EventCreated;
import org.guichet.event.EventDuplicated;
import org.guichet.event.EventPriceOrCapacityChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An event's ticket types; the simple case (one type from the event form) is kept in step with the form. */
@Service
public class TicketTypes {

    static final String STANDARD = "Standard";
    private static final String ORGANIZERS = "hasAnyRole('ORGANIZER', 'ADMIN')";

    private final TicketTypeRepository types;
    private final EventService events;
    private final ApplicationEventPublisher publisher;

    TicketTypes(TicketTypeRepository types, EventService events, ApplicationEventPublisher publisher) {
        this.types = types;
        this.events = events;
        this.publisher = publisher;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ORGANIZERS)
    public List<TicketType> manageable(long eventId, AccountPrincipal organizer) {
        events.manageable(eventId, organizer);
        return of(eventId);
    }

    @Transactional
    @PreAuthorize(ORGANIZERS)
    public TicketType add(long eventId, AccountPrincipal organizer, TicketTypeDetails details) {
        TicketType.checkWindow(details, events.manageable(eventId, organizer).getStartsAt());
        publisher.publishEvent(new EventChanged(eventId));
        return types.save(TicketType.of(eventId, details, of(eventId).size()));
    }

    @Transactional
    @PreAuthorize(ORGANIZERS)
    public TicketType change(long eventId, long typeId, AccountPrincipal organizer, TicketTypeDetails details) {
        TicketType type = changing(eventId, typeId, organizer);
        type.change(details);
        TicketType.checkWindow(details, events.manageable(eventId, organizer).getStartsAt());
        return type;
    }

    @Transactional
    @PreAuthorize(ORGANIZERS)
    public void close(long eventId, long typeId, AccountPrincipal organizer) {
        changing(eventId, typeId, organizer).close();
    }

    @Transactional
    @PreAuthorize(ORGANIZERS)
    public void reopen(long eventId, long typeId, AccountPrincipal organizer) {
        changing(eventId, typeId, organizer).reopen();
    }

    /** A type nobody bought can go; one with tickets can only be closed. */
    @Transactional
    @PreAuthorize(ORGANIZERS)
    public void remove(long eventId, long typeId, AccountPrincipal organizer) {
        TicketType type = changing(eventId, typeId, organizer);
        type.checkRemovable(of(eventId).size());
        types.delete(type);
    }

    /** The organizer's type of the event, about to change: the pages kept for visitors go once the change ends. */
    private TicketType changing(long eventId, long typeId, AccountPrincipal organizer) {
        events.manageable(eventId, organizer);
        publisher.publishEvent(new EventChanged(eventId));
        return types.findById(typeId).filter(type -> type.getEventId() == eventId)
                .orElseThrow(() -> new NotFound("event", eventId));
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

    /** In the copying transaction: the copy sells every type of the original, with its settings, none sold. */
    @EventListener
    void on(EventDuplicated duplicated) {
        types.saveAll(types.findByEventIdOrderByPositionAscIdAsc(duplicated.sourceEventId()).stream()
                .map(type -> type.copyFor(duplicated.copyEventId())).toList());
    }

    @EventListener
    void on(EventPriceOrCapacityChanged changed) {
        List<TicketType> existing = types.findByEventIdOrderByPositionAscIdAsc(changed.eventId());
        if (existing.size() == 1) {
            existing.get(0).follow(changed.price(), changed.capacity());
        }
    }
}
