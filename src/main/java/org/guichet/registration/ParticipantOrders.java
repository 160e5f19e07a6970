package org.guichet.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.event.EventStatus;
import org.guichet.shared.NotFound;
import org.guichet.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a participant does with orders: registering (free tickets confirmed at once, paid ones held unpaid until
 * the gateway confirms them), cancelling, naming attendees, and seeing their tickets. Every rule is checked here or
 * in the order, whatever the form sent; the seats are taken last, just before the commit.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ParticipantOrders {

    private final EventService events;
    private final TicketTypeRepository types;
    private final OrderRepository orders;
    private final TicketRepository tickets;
    private final RegistrationAuditRepository audit;
    private final NewOrders newOrders;
    private final Seats seats;
    private final OrderLifecycle lifecycle;
    private final OrderMails mails;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ParticipantOrders(EventService events, TicketTypeRepository types, OrderRepository orders,
            TicketRepository tickets, RegistrationAuditRepository audit, NewOrders newOrders, Seats seats,
            OrderLifecycle lifecycle, OrderMails mails, ApplicationEventPublisher publisher, Clock clock) {
        this.events = events;
        this.types = types;
        this.orders = orders;
        this.tickets = tickets;
        this.audit = audit;
        this.newOrders = newOrders;
        this.seats = seats;
        this.lifecycle = lifecycle;
        this.mails = mails;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Registers the user: {@code quantities} maps ticket type ids to how many. A buyer with an order of this event
     * still waiting for payment is taken back to it; nobody passes the event's per-person limit, counted over all
     * their confirmed and held tickets.
     */
    @Transactional
    public Registration register(AccountPrincipal user, long eventId, String key, Map<Long, Integer> quantities) {
        return register(user, eventId, key, quantities, List.of());
    }

    /**
     * Registers the user as above, with who each ticket is for ({@link AttendeeDetails}: a name and an address,
     * each optional); an attendee whose address is not the buyer's gets their own ticket by mail once the order is
     * confirmed. A row that cannot be kept is refused beside its field, before anything else is looked at.
     */
    @Transactional
    public Registration register(AccountPrincipal user, long eventId, String key, Map<Long, Integer> quantities,
            List<AttendeeDetails> attendees) {
        List<AttendeeDetails> details = AttendeeDetails.checked(attendees);
        Event event = events.viewable(eventId, key, user);
        Instant now = clock.instant();
        checkOpen(event, now);
        SortedMap<Long, Integer> wanted = wanted(quantities);
        Map<Long, TicketType> offered = new TreeMap<>();
        types.findByEventIdOrderByPositionAscIdAsc(eventId).forEach(type -> offered.put(type.getId(), type));
        int count = 0;
        for (Map.Entry<Long, Integer> line : wanted.entrySet()) {
            TicketType type = offered.get(line.getKey());
            if (type == null) {
                throw new Refusal("registration.error.unknownType");
            }
            if (!type.isOnSale(now, event.getStartsAt())) {
                throw new Refusal("registration.error.notOnSale", type.getName());
            }
            if (line.getValue() > type.getMaxPerOrder()) {
                throw new Refusal("registration.error.tooMany", type.getMaxPerOrder(), type.getName());
            }
            count += line.getValue();
        }

        orders.lockBuyer(user.id());
        for (Long held : orders.findHolds(user.id(), eventId)) {
            Order open = lifecycle.expireIfDue(held);
            if (open != null) {
                return new Registration(open, true);
            }
        }
        long holding = orders.countLiveTickets(user.id(), eventId);
        if (holding + count > event.getMaxPerPerson()) {
            throw new Refusal("registration.error.personLimit", event.getMaxPerPerson(), holding,
                    Math.max(0, event.getMaxPerPerson() - holding));
        }

        checkSeatsLeft(event, offered, wanted, count);

        Map<TicketType, Integer> tickets = new LinkedHashMap<>();
        wanted.forEach((typeId, number) -> tickets.put(offered.get(typeId), number));
        Order order = newOrders.place(user, event, tickets, details);
        seats.take(eventId, wanted);
        return new Registration(order, false);
    }

    /**
     * Sold out only when the event has no seat left; otherwise a choice larger than what remains (of a type, or of
     * the event across its types) is refused saying how many remain. The guarded updates of {@link Seats} still
     * decide when two buyers race for the last seats.
     */
    private static void checkSeatsLeft(Event event, Map<Long, TicketType> offered, SortedMap<Long, Integer> wanted,
            int count) {
        if (event.getSeatsLeft() == 0) {
            throw new Refusal("registration.error.soldOut");
        }
        for (Map.Entry<Long, Integer> line : wanted.entrySet()) {
            TicketType type = offered.get(line.getKey());
            if (line.getValue() > type.getRemaining()) {
                throw new Refusal("registration.error.fewLeft", type.getRemaining(), type.getName());
            }
        }
        if (count > event.getSeatsLeft()) {
            throw new Refusal("registration.error.fewLeftInAll", event.getSeatsLeft());
        }
    }

    /**
     * Cancels a free registration before the event starts: its seats go to those waiting, or back on sale; the
     * buyer gets a confirmation, and each attendee who had their own ticket by mail is told it no longer counts.
     */
    @Transactional
    public Order cancel(AccountPrincipal user, long orderId) {
        Order order = lockOwn(user, orderId);
        Event event = events.get(order.getEventId());
        order.cancelByBuyer(clock.instant(), event.getStartsAt());
        audit.save(new RegistrationAudit(order.getId(), user.id(), RegistrationAudit.Action.CANCELLED, clock.instant()));
        publisher.publishEvent(OrderStatusChanged.of(order, clock.instant()));
        mails.cancelled(user.email(), user.firstName(), event, order);
        mails.attendeesCancelled(user.email(), user.fullName(), event, order, false);
        seats.free(order);
        return order;
    }

    /**
     * Cancels a paid order before the event's refund deadline: the seats are freed and its payment, in full, is
     * owed back in the same transaction (the payment module sends it to the gateway after the commit).
     */
    @Transactional
    public Order cancelForRefund(AccountPrincipal user, long orderId) {
        Order order = lockOwn(user, orderId);
        Event event = events.get(order.getEventId());
        order.refundByBuyer(clock.instant(), event.refundsAllowed(clock.instant()));
        audit.save(new RegistrationAudit(order.getId(), user.id(), RegistrationAudit.Action.REFUNDED, clock.instant()));
        publisher.publishEvent(OrderStatusChanged.of(order, clock.instant()));
        publisher.publishEvent(new PaidOrderClosed(order.getId(), PaidOrderClosed.Reason.BUYER_CANCELLED));
        mails.refunded(user.email(), user.firstName(), event, order);
        seats.free(order);
        return order;
    }

    /** The holder names who will use a ticket, until the event starts. */
    @Transactional
    public Ticket nameAttendee(AccountPrincipal user, long ticketId, String attendeeName) {
        Ticket ticket = ownTicket(user, ticketId);
        return nameAttendee(user, ticketId, attendeeName, ticket.getAttendeeEmail());
    }

    /**
     * The holder names who will use a ticket, and optionally their address, until the event starts. A new address
     * that is not the buyer's gets the ticket by mail at once (the ticket is valid, so its order is confirmed).
     */
    @Transactional
    public Ticket nameAttendee(AccountPrincipal user, long ticketId, String attendeeName, String attendeeEmail) {
        Ticket ticket = ownTicket(user, ticketId);
        List<Refusal.Reason> reasons = new ArrayList<>();
        if (attendeeName == null || attendeeName.isBlank() || attendeeName.strip().length() > AttendeeDetails.MAX_NAME) {
            reasons.add(new Refusal.Reason("attendeeName", "ticket.error.attendeeName"));
        }
        if (!AttendeeDetails.isAcceptableEmail(attendeeEmail)) {
            reasons.add(new Refusal.Reason("attendeeEmail", "ticket.error.attendeeEmail"));
        }
        if (!reasons.isEmpty()) {
            throw new Refusal(reasons);
        }
        Event event = events.get(ticket.getEventId());
        if (!ticket.isRenamable(clock.instant(), event.getStartsAt())) {
            throw new Refusal("ticket.error.notRenamable");
        }
        ticket.rename(attendeeName);
        ticket.changed(clock.instant());
        if (ticket.readdress(attendeeEmail) && ticket.hasOwnAddress(user.email())) {
            mails.ticketToAttendee(user.fullName(), event, ticket.getOrder(), List.of(ticket));
        }
        return ticket;
    }

    /**
     * The buyer asks for their order's tickets again, from one of its tickets' page: the mail goes to their own
     * address, and only while the ticket is valid. Anyone else's ticket does not exist.
     */
    @Transactional
    public Ticket resendTickets(AccountPrincipal user, long ticketId) {
        Ticket ticket = ownTicket(user, ticketId);
        if (!ticket.isValid()) {
            throw new Refusal("ticket.error.notResendable");
        }
        mails.resent(user.email(), user.firstName(), events.get(ticket.getEventId()), ticket.getOrder());
        return ticket;
    }

    @Transactional(readOnly = true)
    public List<Ticket> ticketsOf(AccountPrincipal user) {
        return tickets.findOwnedBy(user.id());
    }

    /** A ticket for its holder or the event's organizer (or an admin); anyone else: it does not exist. */
    @Transactional(readOnly = true)
    public Ticket ticket(AccountPrincipal viewer, long ticketId) {
        Ticket ticket = tickets.findWithOrder(ticketId).orElseThrow(() -> new NotFound("ticket", ticketId));
        if (ticket.getOrder().getUserId() == viewer.id()) {
            return ticket;
        }
        try {
            events.manageable(ticket.getEventId(), viewer);
            return ticket;
        } catch (RuntimeException notTheOrganizer) {
            throw new NotFound("ticket", ticketId);
        }
    }

    /** One of the user's orders, with its tickets; anyone else's does not exist. */
    @Transactional(readOnly = true)
    public Order ownOrder(AccountPrincipal user, long orderId) {
        return orders.findWithTickets(orderId).filter(found -> found.getUserId() == user.id())
                .orElseThrow(() -> new NotFound("order", orderId));
    }

    /** The tickets the user holds for an event and how many more they may take. */
    @Transactional(readOnly = true)
    public Holdings holdings(AccountPrincipal user, Event event) {
        return new Holdings(orders.countLiveTickets(user.id(), event.getId()), event.getMaxPerPerson());
    }

    private Ticket ownTicket(AccountPrincipal user, long ticketId) {
        return tickets.findWithOrder(ticketId).filter(found -> found.getOrder().getUserId() == user.id())
                .orElseThrow(() -> new NotFound("ticket", ticketId));
    }

    private Order lockOwn(AccountPrincipal user, long orderId) {
        Order order = lifecycle.locked(orderId);
        if (order.getUserId() != user.id()) {
            throw new NotFound("order", orderId);
        }
        return order;
    }

    static void checkOpen(Event event, Instant now) {
        if (event.getStatus() == EventStatus.CANCELLED) {
            throw new Refusal("registration.error.cancelled");
        }
        if (event.getStatus() != EventStatus.PUBLISHED) {
            throw new Refusal("registration.error.notPublished");
        }
        if (event.hasStarted(now)) {
            throw new Refusal("registration.error.started");
        }
    }

    private static SortedMap<Long, Integer> wanted(Map<Long, Integer> quantities) {
        SortedMap<Long, Integer> wanted = new TreeMap<>();
        quantities.forEach((typeId, count) -> {
            if (count == null || count < 0) {
                throw new Refusal("registration.error.quantity");
            }
            if (count > 0) {
                wanted.put(typeId, count);
            }
        });
        if (wanted.isEmpty()) {
            throw new Refusal("registration.error.nothingChosen");
        }
        return wanted;
    }
}
