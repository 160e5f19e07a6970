package org.guichet.registration;

import java.math.BigDecimal;
import java.util.List;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.EventNotFound;
import org.guichet.event.EventService;

import org.guichet.event.EventCreated;
import org.guichet.event.EventPriceOrCapacityChanged;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An event's ticket types; the simple case (one type from the event form) is kept in step with the form. */
@Service
public class TicketTypes {

    static final String STANDARD = "Standard";
    private static final String ORGANIZERS = "hasAnyRole('ORGANIZER', 'ADMIN')";
    private static final BigDecimal MAX_PRICE = new BigDecimal("99999999.99");
    private static final int MAX_PER_ORDER = 50;

    private final TicketTypeRepository types;
    private final EventService events;

    TicketTypes(TicketTypeRepository types, EventService events) {
        this.types = types;
        this.events = events;
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
        events.manageable(eventId, organizer);
        check(details, 0);
        TicketType type = new TicketType(eventId, details.name().strip(), details.price(), details.quantity(),
                details.maxPerOrder(), of(eventId).size());
        type.change(details);
        return types.save(type);
    }

    @Transactional
    @PreAuthorize(ORGANIZERS)
    public TicketType change(long eventId, long typeId, AccountPrincipal organizer, TicketTypeDetails details) {
        TicketType type = owned(eventId, typeId, organizer);
        check(details, type.getSold());
        type.change(details);
        return type;
    }

    @Transactional
    @PreAuthorize(ORGANIZERS)
    public void close(long eventId, long typeId, AccountPrincipal organizer) {
        owned(eventId, typeId, organizer).close();
    }

    @Transactional
    @PreAuthorize(ORGANIZERS)
    public void reopen(long eventId, long typeId, AccountPrincipal organizer) {
        owned(eventId, typeId, organizer).reopen();
    }

    /** A type nobody bought can go; one with tickets can only be closed. */
    @Transactional
    @PreAuthorize(ORGANIZERS)
    public void remove(long eventId, long typeId, AccountPrincipal organizer) {
        TicketType type = owned(eventId, typeId, organizer);
        if (type.getSold() > 0) {
            throw new RegistrationProblem("ticketType.error.hasTickets");
        }
        if (of(eventId).size() == 1) {
            throw new RegistrationProblem("ticketType.error.last");
        }
        types.delete(type);
    }

    private TicketType owned(long eventId, long typeId, AccountPrincipal organizer) {
        events.manageable(eventId, organizer);
        return types.findById(typeId).filter(type -> type.getEventId() == eventId)
                .orElseThrow(() -> new EventNotFound(eventId));
    }

    private static void check(TicketTypeDetails details, int sold) {
        if (details.name() == null || details.name().isBlank() || details.name().strip().length() > 80) {
            throw new RegistrationProblem("ticketType.error.name");
        }
        if (details.price() == null || details.price().signum() < 0 || details.price().stripTrailingZeros().scale() > 2
                || details.price().compareTo(MAX_PRICE) > 0) {
            throw new RegistrationProblem("ticketType.error.price");
        }
        if (details.quantity() == null || details.quantity() < Math.max(1, sold) || details.quantity() > 1_000_000) {
            throw new RegistrationProblem("ticketType.error.quantity", Math.max(1, sold));
        }
        if (details.maxPerOrder() == null || details.maxPerOrder() < 1 || details.maxPerOrder() > MAX_PER_ORDER) {
            throw new RegistrationProblem("ticketType.error.maxPerOrder", MAX_PER_ORDER);
        }
        if (details.saleStartsAt() != null && details.saleEndsAt() != null
                && !details.saleEndsAt().isAfter(details.saleStartsAt())) {
            throw new RegistrationProblem("ticketType.error.window");
        }
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
