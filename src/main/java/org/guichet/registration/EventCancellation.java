package org.guichet.registration;

import java.time.Clock;
import java.time.Instant;

import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.event.Event;
import org.guichet.event.EventCancelled;
import org.guichet.event.EventService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Within the event's cancellation: every open order is closed, each buyer is told by email (with the amount a paid
 * order gets back), so is each attendee who had their own ticket by mail, and every paid order tells the payment
 * module that its payment is owed back. All of it or none of it commits with the cancellation.
 */
@Component
class EventCancellation {

    private final OrderLifecycle lifecycle;
    private final RegistrationAuditRepository audit;
    private final EventService events;
    private final UserRepository users;
    private final OrderMails mails;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    EventCancellation(OrderLifecycle lifecycle, RegistrationAuditRepository audit, EventService events,
            UserRepository users, OrderMails mails, ApplicationEventPublisher publisher, Clock clock) {
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.events = events;
        this.users = users;
        this.mails = mails;
        this.publisher = publisher;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(EventCancelled cancelled) {
        Event event = events.get(cancelled.eventId());
        for (Long orderId : lifecycle.openOrders(cancelled.eventId())) {
            Order order = lifecycle.locked(orderId);
            Instant now = clock.instant();
            // only a confirmed order's attendees had their tickets; one still waiting for its payment sent nothing
            boolean attendeesHaveTickets = order.isConfirmed();
            boolean paid = order.closeForCancelledEvent(now);
            audit.save(new RegistrationAudit(order.getId(), null,
                    paid ? RegistrationAudit.Action.REFUNDED : RegistrationAudit.Action.CANCELLED, now));
            publisher.publishEvent(OrderStatusChanged.of(order, now));
            if (paid) {
                publisher.publishEvent(new PaidOrderClosed(order.getId(), PaidOrderClosed.Reason.EVENT_CANCELLED));
            }
            User buyer = users.findById(order.getUserId()).orElseThrow();
            // in the buyer's language of today, which may not be the one they ordered in
            mails.eventCancelled(buyer.getEmail(), buyer.getFirstName(), buyer.getLanguage(), event, order, paid);
            if (attendeesHaveTickets) {
                mails.attendeesCancelled(buyer.getEmail(), buyer.getFullName(), event, order, true);
            }
        }
    }
}
