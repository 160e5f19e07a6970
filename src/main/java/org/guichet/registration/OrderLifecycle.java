package org.guichet.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.event.EventService;
import org.guichet.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What payments and scheduled jobs do to orders: a verified payment confirms (or is turned back by) its order,
 * holds run out, checkout pages are attached and closed, the gateway refunds. Each step locks the order's row
 * first, so two webhooks, a webhook and a job, or two clicks take turns and the second sees what the first did.
 */
@Service
public class OrderLifecycle {

    private final OrderRepository orders;
    private final RegistrationAuditRepository audit;
    private final Seats seats;
    private final WaitingListRepository waitingEntries;
    private final ApplicationEventPublisher publisher;
    private final OrderMails mails;
    private final UserRepository users;
    private final EventService events;
    private final Clock clock;

    OrderLifecycle(OrderRepository orders, RegistrationAuditRepository audit, Seats seats,
            WaitingListRepository waitingEntries, ApplicationEventPublisher publisher, OrderMails mails,
            UserRepository users, EventService events, Clock clock) {
        this.mails = mails;
        this.users = users;
        this.events = events;
        this.waitingEntries = waitingEntries;
        this.orders = orders;
        this.audit = audit;
        this.seats = seats;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * A verified payment for this order, through checkout page {@code session} (blank if the gateway did not
     * say). The order decides; a hold that expired meanwhile is honoured if its seats can be taken again. Anything
     * but {@link PaymentOutcome#CONFIRMED} leaves the order as it was and the caller refunds the money.
     */
    @Transactional
    public PaymentOutcome confirmPayment(long orderId, String session) {
        Order order = locked(orderId);
        Instant now = clock.instant();
        PaymentOutcome outcome = switch (order.decide(session)) {
            case CONFIRM -> PaymentOutcome.CONFIRMED;
            case RETAKE_SEATS -> seats.tryTake(order.getEventId(), Seats.byType(order))
                    ? PaymentOutcome.CONFIRMED : PaymentOutcome.SEATS_GONE;
            case REFUND_ALREADY_PAID -> PaymentOutcome.ALREADY_PAID;
            case REFUND_SUPERSEDED -> PaymentOutcome.SUPERSEDED;
            case REFUND_ORDER_CLOSED -> PaymentOutcome.ORDER_CLOSED;
        };
        if (outcome.confirmed()) {
            order.confirmPaid(now);
            orders.flush();
            audit.save(new RegistrationAudit(order.getId(), null, RegistrationAudit.Action.CONFIRMED, now));
            publisher.publishEvent(OrderStatusChanged.of(order, now));
        }
        return outcome;
    }

    /**
     * A paid order's attendees with an address other than the buyer's get their own tickets, one mail per address,
     * in the transaction that confirmed its payment (after {@link #confirmPayment}, once the payment is kept).
     * Nothing for an order that is not confirmed.
     */
    @Transactional
    public void sendAttendeesTheirTickets(long orderId) {
        Order order = orders.findWithTickets(orderId).orElseThrow(() -> new NotFound("order", orderId));
        if (!order.isConfirmed()) {
            return;
        }
        User buyer = users.findById(order.getUserId()).orElseThrow();
        mails.attendeeTickets(buyer.getEmail(), buyer.getFullName(), events.get(order.getEventId()), order);
    }

    /** Unpaid holds whose time is up: the order expires and its seats go to the waiting list or back on sale. */
    @Transactional
    public int expireHolds() {
        int expired = 0;
        for (Long id : orders.findExpiredHolds(clock.instant())) {
            if (expireIfDue(id) == null) {
                expired++;
            }
        }
        return expired;
    }

    /**
     * Expires this order if it is a hold whose time is up; returns it when it is still a live hold, {@code null}
     * when it is (now) over.
     */
    @Transactional
    public Order expireIfDue(long orderId) {
        Order order = locked(orderId);
        Instant now = clock.instant();
        if (order.getStatus() != OrderStatus.PENDING_PAYMENT) {
            return null;
        }
        if (!order.holdIsOver(now)) {
            return order;
        }
        expire(order, now);
        return null;
    }

    /** Waiting-list offers whose time is up pass to the next person waiting, or their seat goes back on sale. */
    @Transactional
    public int expireOffers() {
        int expired = 0;
        for (Long id : waitingEntries.findExpiredOffers(clock.instant())) {
            WaitingListEntry entry = waitingEntries.findById(id).orElseThrow();
            if (waitingEntries.endOffer(id, WaitingListEntry.Status.EXPIRED) == 1) {
                seats.passOn(entry.getEventId(), entry.getTicketTypeId());
                expired++;
            }
        }
        return expired;
    }

    /**
     * The gateway closed the checkout page an order was waiting on: if the order still waits on that page, its
     * hold ends now (a newer page opened for a retry keeps it).
     */
    @Transactional
    public boolean expireCheckout(long orderId, String checkoutSession) {
        if (orders.lock(orderId).isEmpty()) {
            return false;
        }
        Order order = locked(orderId);
        if (order.getStatus() != OrderStatus.PENDING_PAYMENT
                || !checkoutSession.equals(order.getCheckoutSession())) {
            return false;
        }
        expire(order, clock.instant());
        return true;
    }

    /** The gateway refunded the payment that confirmed this order: the order ends refunded, its seats freed. */
    @Transactional
    public boolean refundedAtGateway(long orderId) {
        Order order = locked(orderId);
        if (!order.refundedByGateway(clock.instant())) {
            return false;
        }
        audit.save(new RegistrationAudit(order.getId(), null, RegistrationAudit.Action.REFUNDED, clock.instant()));
        publisher.publishEvent(OrderStatusChanged.of(order, clock.instant()));
        seats.free(order);
        return true;
    }

    /**
     * Makes {@code session} the order's checkout page, if the order still has {@code expected} (the page it had
     * when the caller looked): false when another tab attached its own page meanwhile.
     */
    @Transactional
    public boolean attachCheckout(AccountPrincipal buyer, long orderId, String expected, String gateway,
            String session) {
        Order order = orders.lock(orderId).filter(found -> found.getUserId() == buyer.id())
                .orElseThrow(() -> new NotFound("order", orderId));
        String current = order.getCheckoutSession();
        if (current == null ? expected != null : !current.equals(expected)) {
            return false;
        }
        order.checkoutWith(gateway, session, clock.instant());
        return true;
    }

    /** An order with its tickets, for modules acting on the gateway's word (no user around). */
    @Transactional(readOnly = true)
    public Order orderForPayment(long orderId) {
        return orders.findWithTickets(orderId).orElseThrow(() -> new NotFound("order", orderId));
    }

    /** Orders still standing (confirmed or waiting for payment) of an event. */
    @Transactional(readOnly = true)
    public List<Long> openOrders(long eventId) {
        return orders.findOpenOrders(eventId);
    }

    private void expire(Order order, Instant now) {
        order.expire(now);
        audit.save(new RegistrationAudit(order.getId(), null, RegistrationAudit.Action.EXPIRED, now));
        publisher.publishEvent(new OrderExpired(order.getId(), order.getGateway(), order.getCheckoutSession()));
        seats.free(order);
    }

    /** The order with its tickets, its row locked until the transaction ends; within the caller's transaction. */
    Order locked(long orderId) {
        orders.lock(orderId).orElseThrow(() -> new NotFound("order", orderId));
        return orders.findWithTickets(orderId).orElseThrow(() -> new NotFound("order", orderId));
    }
}
