package org.guichet.payment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.event.Event;
import org.guichet.event.EventCancelled;
import org.guichet.event.EventService;
import org.guichet.notification.Mail;
import org.guichet.notification.Outbox;
import org.guichet.registration.Order;
import org.guichet.registration.RegistrationService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Within the event's cancellation: every open order is closed, every paid one owes its refund (sent to the
 * gateway once the cancellation commits, retried until taken), and each buyer is told by email. All of it or
 * none of it commits with the cancellation.
 */
@Component
class CancelledEventSettlement {

    private final RegistrationService registrations;
    private final PaymentRepository payments;
    private final Refunds refunds;
    private final EventService events;
    private final UserRepository users;
    private final Outbox outbox;

    CancelledEventSettlement(RegistrationService registrations, PaymentRepository payments, Refunds refunds,
            EventService events, UserRepository users, Outbox outbox) {
        this.registrations = registrations;
        this.payments = payments;
        this.refunds = refunds;
        this.events = events;
        this.users = users;
        this.outbox = outbox;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(EventCancelled cancelled) {
        Event event = events.get(cancelled.eventId());
        for (Long orderId : registrations.openOrders(cancelled.eventId())) {
            Optional<Payment> payment = payments.findByOrderId(orderId).filter(paid -> !paid.isRefunded());
            Order order = registrations.closeForCancelledEvent(orderId, payment.isPresent());
            payment.ifPresent(refunds::owe);
            User buyer = users.findById(order.getUserId()).orElseThrow();
            outbox.enqueue(new Mail(buyer.getEmail(), order.getLanguage(), "event-cancelled", Map.of(
                    "firstName", buyer.getFirstName(),
                    "eventTitle", event.getTitle(),
                    "reference", order.getReference(),
                    "refunded", payment.isPresent()), List.of(event.getTitle())));
        }
    }
}
