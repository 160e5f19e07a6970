package org.guichet.registration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.Event;
import org.guichet.event.EventNotFound;
import org.guichet.event.EventSeats;
import org.guichet.event.EventService;
import org.guichet.event.EventStatus;
import org.guichet.notification.Mail;
import org.guichet.notification.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering for an event and cancelling. Seats are taken by guarded updates, the event's counter first and then
 * each type's in id order, all in the transaction that writes the order: two people can never get the last seat.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class RegistrationService {

    private static final String REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final Set<WaitingListEntry.Status> ACTIVE =
            EnumSet.of(WaitingListEntry.Status.WAITING, WaitingListEntry.Status.OFFERED);

    private final EventService events;
    private final EventSeats eventSeats;
    private final TicketTypeRepository types;
    private final OrderRepository orders;
    private final TicketRepository tickets;
    private final RegistrationAuditRepository audit;
    private final Outbox outbox;
    private final TicketPdf ticketPdf;
    private final WaitingList waitingList;
    private final WaitingListRepository waitingEntries;
    private final Duration hold;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final String baseUrl;
    private final SecureRandom random = new SecureRandom();

    RegistrationService(EventService events, EventSeats eventSeats, TicketTypeRepository types,
            OrderRepository orders, TicketRepository tickets, RegistrationAuditRepository audit, Outbox outbox,
            TicketPdf ticketPdf, WaitingList waitingList, WaitingListRepository waitingEntries,
            @Value("${guichet.payments.hold:15m}") Duration hold, ApplicationEventPublisher publisher, Clock clock,
            @Value("${guichet.base-url}") String baseUrl) {
        this.hold = hold;
        this.publisher = publisher;
        this.ticketPdf = ticketPdf;
        this.waitingList = waitingList;
        this.waitingEntries = waitingEntries;
        this.events = events;
        this.eventSeats = eventSeats;
        this.types = types;
        this.orders = orders;
        this.tickets = tickets;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /**
     * Registers the user: {@code quantities} maps ticket type ids to how many. Every rule is checked here, whatever
     * the form sent. A free order is confirmed at once (its mail written in the same transaction); a paid one
     * holds its seats, unpaid, until {@code guichet.payments.hold} has passed.
     */
    @Transactional
    public Order register(AccountPrincipal user, long eventId, String key, Map<Long, Integer> quantities) {
        Event event = events.viewable(eventId, key, user);
        Instant now = clock.instant();
        checkOpen(event, now);
        SortedMap<Long, Integer> wanted = wanted(quantities);
        Map<Long, TicketType> offered = new TreeMap<>();
        types.findByEventIdOrderByPositionAscIdAsc(eventId).forEach(type -> offered.put(type.getId(), type));
        int seats = 0;
        for (Map.Entry<Long, Integer> line : wanted.entrySet()) {
            TicketType type = offered.get(line.getKey());
            if (type == null) {
                throw new RegistrationProblem("registration.error.unknownType");
            }
            if (!type.isOnSale(now, event.getStartsAt())) {
                throw new RegistrationProblem("registration.error.notOnSale", type.getName());
            }
            if (line.getValue() > type.getMaxPerOrder()) {
                throw new RegistrationProblem("registration.error.tooMany", type.getMaxPerOrder(), type.getName());
            }
            seats += line.getValue();
        }
        takeSeats(eventId, wanted, seats);

        Order order = new Order(newReference(), user.id(), eventId, event.getCurrency(), user.language(), now);
        wanted.forEach((typeId, count) -> {
            for (int i = 0; i < count; i++) {
                order.add(new Ticket(order, offered.get(typeId), user.fullName(), TicketSigner.newSecret(random), now));
            }
        });
        if (!order.isFree()) {
            order.hold(now.plus(hold));
            orders.save(order);
            audit.save(new RegistrationAudit(order.getId(), user.id(), RegistrationAudit.Action.REGISTERED, now));
            return order;
        }
        order.confirmFree(now);
        orders.save(order);
        audit.save(new RegistrationAudit(order.getId(), user.id(), RegistrationAudit.Action.REGISTERED, now));
        audit.save(new RegistrationAudit(order.getId(), user.id(), RegistrationAudit.Action.CONFIRMED, now));
        confirm(user, event, order, now);
        return order;
    }

    /** What a confirmed payment did to its order. */
    public enum PaymentOutcome { CONFIRMED, ALREADY_CONFIRMED, NEEDS_REFUND }

    /**
     * A verified payment for this order. A hold that expired meanwhile is honoured if the seats can be taken
     * again; otherwise the caller refunds.
     */
    @Transactional
    @PreAuthorize("permitAll()")
    public PaymentOutcome confirmPayment(long orderId) {
        Order order = orders.findWithTickets(orderId).orElseThrow(() -> new EventNotFound(orderId));
        Instant now = clock.instant();
        if (order.getStatus() == OrderStatus.CONFIRMED) {
            return PaymentOutcome.ALREADY_CONFIRMED;
        }
        if (order.getStatus() == OrderStatus.EXPIRED) {
            SortedMap<Long, Integer> byType = new TreeMap<>();
            order.getTickets().forEach(ticket -> byType.merge(ticket.getType().getId(), 1, Integer::sum));
            if (!retake(order.getEventId(), byType, order.getTickets().size())) {
                return PaymentOutcome.NEEDS_REFUND;
            }
        } else if (order.getStatus() != OrderStatus.PENDING_PAYMENT) {
            return PaymentOutcome.NEEDS_REFUND;
        }
        order.confirmPaid(now);
        audit.save(new RegistrationAudit(order.getId(), null, RegistrationAudit.Action.CONFIRMED, now));
        return PaymentOutcome.CONFIRMED;
    }

    /** Unpaid holds whose time is up: the order expires and its seats go to the waiting list or back on sale. */
    @Transactional
    @PreAuthorize("permitAll()")
    public int expireHolds() {
        int expired = 0;
        for (Long id : orders.findExpiredHolds(clock.instant())) {
            Order order = orders.findWithTickets(id).orElseThrow();
            if (order.getStatus() != OrderStatus.PENDING_PAYMENT) {
                continue;
            }
            freeSeats(order);
            order.expire(clock.instant());
            audit.save(new RegistrationAudit(order.getId(), null, RegistrationAudit.Action.EXPIRED, clock.instant()));
            publisher.publishEvent(new OrderExpired(order.getId(), order.getGateway(), order.getCheckoutSession()));
            expired++;
        }
        return expired;
    }

    /**
     * The gateway closed the checkout page an order was waiting on: if the order still waits on that page, its
     * hold ends now (a newer page opened for a retry keeps it).
     */
    @Transactional
    @PreAuthorize("permitAll()")
    public boolean expireCheckout(long orderId, String checkoutSession) {
        Order order = orders.findWithTickets(orderId).orElse(null);
        if (order == null || order.getStatus() != OrderStatus.PENDING_PAYMENT
                || !checkoutSession.equals(order.getCheckoutSession())) {
            return false;
        }
        freeSeats(order);
        order.expire(clock.instant());
        audit.save(new RegistrationAudit(order.getId(), null, RegistrationAudit.Action.EXPIRED, clock.instant()));
        return true;
    }

    /**
     * A paid order its buyer cancelled and the gateway refunded: the seats go to the waiting list or back on sale,
     * the tickets stop being valid.
     */
    @Transactional
    @PreAuthorize("permitAll()")
    public Order cancelRefunded(long orderId) {
        Order order = orders.findWithTickets(orderId).orElseThrow(() -> new EventNotFound(orderId));
        if (order.getStatus() != OrderStatus.CONFIRMED) {
            throw new RegistrationProblem("registration.error.notCancellable");
        }
        freeSeats(order);
        order.closeForCancelledEvent(true, clock.instant());
        audit.save(new RegistrationAudit(order.getId(), order.getUserId(), RegistrationAudit.Action.REFUNDED,
                clock.instant()));
        return order;
    }

    /** Orders still standing (confirmed or waiting for payment) of an event. */
    @Transactional(readOnly = true)
    @PreAuthorize("permitAll()")
    public List<Long> openOrders(long eventId) {
        return orders.findOpenOrders(eventId);
    }

    /** The event was cancelled: the order ends (refunded if {@code refunded}); its tickets stop being valid. */
    @Transactional
    @PreAuthorize("permitAll()")
    public Order closeForCancelledEvent(long orderId, boolean refunded) {
        Order order = orders.findWithTickets(orderId).orElseThrow(() -> new EventNotFound(orderId));
        order.closeForCancelledEvent(refunded, clock.instant());
        audit.save(new RegistrationAudit(order.getId(), null,
                refunded ? RegistrationAudit.Action.REFUNDED : RegistrationAudit.Action.CANCELLED, clock.instant()));
        return order;
    }

    /** Remembers the gateway's checkout session for an order still waiting for its payment. */
    @Transactional
    public Order attachCheckout(AccountPrincipal user, long orderId, String gateway, String session) {
        Order order = ownOrder(user, orderId);
        order.checkoutWith(gateway, session);
        return order;
    }

    /** One of the user's orders, with its tickets. */
    @Transactional(readOnly = true)
    public Order ownOrder(AccountPrincipal user, long orderId) {
        return orders.findWithTickets(orderId).filter(found -> found.getUserId() == user.id())
                .orElseThrow(() -> new EventNotFound(orderId));
    }

    /** An order with its tickets, for modules acting on the gateway's word (no user around). */
    @Transactional(readOnly = true)
    @PreAuthorize("permitAll()")
    public Order orderForPayment(long orderId) {
        return orders.findWithTickets(orderId).orElseThrow(() -> new EventNotFound(orderId));
    }

    /** Cancels a free registration before the event starts: its seats go back on sale at once. */
    @Transactional
    public Order cancel(AccountPrincipal user, long orderId) {
        Order order = orders.findWithTickets(orderId)
                .filter(found -> found.getUserId() == user.id())
                .orElseThrow(() -> new EventNotFound(orderId));
        if (order.getStatus() != OrderStatus.CONFIRMED) {
            throw new RegistrationProblem("registration.error.notCancellable");
        }
        if (!order.isFree()) {
            throw new RegistrationProblem("registration.error.paidCancellation");
        }
        Event event = events.get(order.getEventId());
        if (event.hasStarted(clock.instant())) {
            throw new RegistrationProblem("registration.error.startedCancellation");
        }
        freeSeats(order);
        order.cancel(clock.instant());
        audit.save(new RegistrationAudit(order.getId(), user.id(), RegistrationAudit.Action.CANCELLED, clock.instant()));
        return order;
    }

    /**
     * Joins the waiting list of an event with no seat left for sale, or of one sold-out type ({@code typeId}
     * not null) while others still sell.
     */
    @Transactional
    public WaitingListEntry joinWaitingList(AccountPrincipal user, long eventId, String key, Long typeId) {
        Event event = events.viewable(eventId, key, user);
        checkOpen(event, clock.instant());
        List<TicketType> offered = types.findByEventIdOrderByPositionAscIdAsc(eventId);
        boolean seatsForSale = offered.stream()
                .anyMatch(type -> type.isOnSale(clock.instant(), event.getStartsAt()) && type.getRemaining() > 0);
        boolean eventFull = event.isSoldOut() || !seatsForSale;
        Long wanted = null;
        if (!eventFull) {
            TicketType type = offered.stream().filter(candidate -> candidate.getId().equals(typeId)).findFirst()
                    .orElseThrow(() -> new RegistrationProblem("waitlist.error.notSoldOut"));
            if (type.getRemaining() > 0 || type.isClosed()) {
                throw new RegistrationProblem("waitlist.error.notSoldOut");
            }
            wanted = type.getId();
        }
        if (orders.existsByUserIdAndEventIdAndStatus(user.id(), eventId, OrderStatus.CONFIRMED)) {
            throw new RegistrationProblem("waitlist.error.registered");
        }
        if (waitingEntries.findFirstByEventIdAndUserIdAndStatusIn(eventId, user.id(), ACTIVE).isPresent()) {
            throw new RegistrationProblem("waitlist.error.already");
        }
        return waitingEntries.save(new WaitingListEntry(eventId, user.id(), wanted, clock.instant()));
    }

    /** Leaves the waiting list; a seat held for this person goes to the next one, or back on sale. */
    @Transactional
    public void leaveWaitingList(AccountPrincipal user, long entryId) {
        WaitingListEntry entry = waitingEntries.findById(entryId).filter(found -> found.getUserId() == user.id())
                .orElseThrow(() -> new EventNotFound(entryId));
        if (entry.getStatus() == WaitingListEntry.Status.OFFERED) {
            if (waitingEntries.endOffer(entryId, WaitingListEntry.Status.LEFT) == 1) {
                passOn(entry.getEventId(), entry.getTicketTypeId());
            }
        } else if (entry.getStatus() == WaitingListEntry.Status.WAITING) {
            waitingEntries.delete(entry);
        }
    }

    /** Takes the seat held for this person: one ticket, no seat taken since it was kept for them. */
    @Transactional
    public Order claimOffer(AccountPrincipal user, long entryId) {
        WaitingListEntry entry = waitingEntries.findById(entryId).filter(found -> found.getUserId() == user.id())
                .orElseThrow(() -> new EventNotFound(entryId));
        Instant now = clock.instant();
        if (entry.getStatus() != WaitingListEntry.Status.OFFERED || !now.isBefore(entry.getOfferExpiresAt())
                || waitingEntries.endOffer(entryId, WaitingListEntry.Status.CLAIMED) != 1) {
            throw new RegistrationProblem("waitlist.error.offerGone");
        }
        Event event = events.get(entry.getEventId());
        TicketType type = types.findById(entry.getTicketTypeId()).orElseThrow();
        Order order = new Order(newReference(), user.id(), event.getId(), event.getCurrency(), user.language(), now);
        order.add(new Ticket(order, type, user.fullName(), TicketSigner.newSecret(random), now));
        order.confirmFree(now);
        orders.save(order);
        audit.save(new RegistrationAudit(order.getId(), user.id(), RegistrationAudit.Action.REGISTERED, now));
        audit.save(new RegistrationAudit(order.getId(), user.id(), RegistrationAudit.Action.CONFIRMED, now));
        confirm(user, event, order, now);
        return order;
    }

    /** Offers whose time is up pass to the next person waiting, or their seat goes back on sale. */
    @Transactional
    @PreAuthorize("permitAll()")
    public int expireOffers() {
        int expired = 0;
        for (Long id : waitingEntries.findExpiredOffers(clock.instant())) {
            WaitingListEntry entry = waitingEntries.findById(id).orElseThrow();
            if (waitingEntries.endOffer(id, WaitingListEntry.Status.EXPIRED) == 1) {
                passOn(entry.getEventId(), entry.getTicketTypeId());
                expired++;
            }
        }
        return expired;
    }

    /** The holder names who will use a ticket, until the event starts. */
    @Transactional
    public Ticket nameAttendee(AccountPrincipal user, long ticketId, String attendeeName) {
        Ticket ticket = tickets.findWithOrder(ticketId).filter(found -> found.getOrder().getUserId() == user.id())
                .orElseThrow(() -> new EventNotFound(ticketId));
        if (attendeeName == null || attendeeName.isBlank() || attendeeName.strip().length() > 200) {
            throw new RegistrationProblem("ticket.error.attendeeName");
        }
        if (ticket.getStatus() != TicketStatus.VALID || events.get(ticket.getEventId()).hasStarted(clock.instant())) {
            throw new RegistrationProblem("ticket.error.notRenamable");
        }
        ticket.rename(attendeeName);
        return ticket;
    }

    @Transactional(readOnly = true)
    public List<Ticket> ticketsOf(AccountPrincipal user) {
        return tickets.findOwnedBy(user.id());
    }

    /** A ticket for its holder or the event's organizer (or an admin); anyone else: it does not exist. */
    @Transactional(readOnly = true)
    public Ticket ticket(AccountPrincipal viewer, long ticketId) {
        Ticket ticket = tickets.findWithOrder(ticketId).orElseThrow(() -> new EventNotFound(ticketId));
        if (ticket.getOrder().getUserId() == viewer.id()) {
            return ticket;
        }
        try {
            events.manageable(ticket.getEventId(), viewer);
            return ticket;
        } catch (RuntimeException notTheOrganizer) {
            throw new EventNotFound(ticketId);
        }
    }

    @Transactional(readOnly = true)
    public boolean isRegistered(AccountPrincipal user, long eventId) {
        return orders.existsByUserIdAndEventIdAndStatus(user.id(), eventId, OrderStatus.CONFIRMED);
    }

    private void confirm(AccountPrincipal user, Event event, Order order, Instant now) {
        outbox.enqueue(new Mail(user.email(), user.language(), "registration-confirmed", Map.of(
                "firstName", user.firstName(),
                "eventTitle", event.getTitle(),
                "reference", order.getReference(),
                "ticketCount", order.getTickets().size(),
                "link", baseUrl + "/tickets"), List.of(event.getTitle()), List.of(
                OrderTicketsRenderer.attachment(order),
                EventCalendarRenderer.attachment(event, baseUrl + "/tickets"))));
    }

    /** An order's seats go to the people waiting for them, or back on sale. */
    private void freeSeats(Order order) {
        SortedMap<Long, Integer> released = new TreeMap<>();
        for (Ticket ticket : order.getTickets()) {
            if (!waitingList.handOver(order.getEventId(), ticket.getType().getId())) {
                released.merge(ticket.getType().getId(), 1, Integer::sum);
            }
        }
        release(order.getEventId(), released);
    }

    private void passOn(long eventId, long typeId) {
        if (!waitingList.handOver(eventId, typeId)) {
            release(eventId, new TreeMap<>(Map.of(typeId, 1)));
        }
    }

    private void release(long eventId, SortedMap<Long, Integer> byType) {
        int seats = byType.values().stream().mapToInt(Integer::intValue).sum();
        if (seats > 0) {
            eventSeats.release(eventId, seats);
            byType.forEach(types::release);
        }
    }

    private void checkOpen(Event event, Instant now) {
        if (event.getStatus() == EventStatus.CANCELLED) {
            throw new RegistrationProblem("registration.error.cancelled");
        }
        if (event.getStatus() != EventStatus.PUBLISHED) {
            throw new RegistrationProblem("registration.error.notPublished");
        }
        if (event.hasStarted(now)) {
            throw new RegistrationProblem("registration.error.started");
        }
    }

    /** Takes seats again for an order whose hold had expired; false when they are gone. */
    private boolean retake(long eventId, SortedMap<Long, Integer> byType, int seats) {
        if (eventSeats.take(eventId, seats) == 0) {
            return false;
        }
        SortedMap<Long, Integer> taken = new TreeMap<>();
        for (Map.Entry<Long, Integer> line : byType.entrySet()) {
            if (types.take(line.getKey(), line.getValue()) == 0) {
                eventSeats.release(eventId, seats);
                taken.forEach(types::release);
                return false;
            }
            taken.put(line.getKey(), line.getValue());
        }
        return true;
    }

    private void takeSeats(long eventId, SortedMap<Long, Integer> wanted, int seats) {
        if (eventSeats.take(eventId, seats) == 0) {
            throw new SoldOut(eventId);
        }
        for (Map.Entry<Long, Integer> line : wanted.entrySet()) {
            if (types.take(line.getKey(), line.getValue()) == 0) {
                throw new SoldOut(eventId);
            }
        }
    }

    private static SortedMap<Long, Integer> wanted(Map<Long, Integer> quantities) {
        SortedMap<Long, Integer> wanted = new TreeMap<>();
        quantities.forEach((typeId, count) -> {
            if (count == null || count < 0) {
                throw new RegistrationProblem("registration.error.quantity");
            }
            if (count > 0) {
                wanted.put(typeId, count);
            }
        });
        if (wanted.isEmpty()) {
            throw new RegistrationProblem("registration.error.nothingChosen");
        }
        return wanted;
    }

    private String newReference() {
        StringBuilder reference = new StringBuilder("GCH-");
        for (int i = 0; i < 6; i++) {
            if (i == 4) {
                reference.append('-');
            }
            reference.append(REFERENCE_ALPHABET.charAt(random.nextInt(REFERENCE_ALPHABET.length())));
        }
        return reference.toString();
    }
}
