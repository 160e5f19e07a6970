package org.guichet.payment;

import java.time.Clock;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once an event's cancellation is committed: every paid order is refunded through its gateway (outside any
 * database transaction), every order is closed, and each buyer is told by email.
 */
@Component
class CancelledEventSettlement {

    private static final Logger log = LoggerFactory.getLogger(CancelledEventSettlement.class);

    private final RegistrationService registrations;
    private final PaymentRepository payments;
    private final PaymentGateways.Registry gateways;
    private final EventService events;
    private final UserRepository users;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CancelledEventSettlement(RegistrationService registrations, PaymentRepository payments, PaymentGateways.Registry gateways,
            EventService events, UserRepository users, Outbox outbox, TransactionTemplate transactions, Clock clock) {
        this.registrations = registrations;
        this.payments = payments;
        this.gateways = gateways;
        this.events = events;
        this.users = users;
        this.outbox = outbox;
        // After the cancellation's commit its transaction is still bound to the thread: work in new ones.
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(EventCancelled cancelled) {
        Event event = events.get(cancelled.eventId());
        List<Long> orders = registrations.openOrders(cancelled.eventId());
        for (Long orderId : orders) {
            try {
                settle(orderId, event);
            } catch (RuntimeException e) {
                log.error("Order {} of cancelled event {} not settled yet", orderId, cancelled.eventId(), e);
            }
        }
    }

    private void settle(long orderId, Event event) {
        Optional<Payment> payment = payments.findByOrderId(orderId);
        String refund = payment.filter(paid -> paid.getRefundedAmount().signum() == 0).map(paid -> gateways.named(paid.getGateway()).orElseThrow().refund(paid)).orElse(null);
        transactions.executeWithoutResult(status -> {
            Order order = registrations.closeForCancelledEvent(orderId, payment.isPresent());
            payment.flatMap(paid -> payments.findById(paid.getId())).ifPresent(paid -> paid.refundAll(clock.instant()));
            User buyer = users.findById(order.getUserId()).orElseThrow();
            outbox.enqueue(new Mail(buyer.getEmail(), order.getLanguage(), "event-cancelled", Map.of(
                    "firstName", buyer.getFirstName(),
                    "eventTitle", event.getTitle(),
                    "reference", order.getReference(),
                    "refunded", payment.isPresent()), List.of(event.getTitle())));
        });
        if (refund != null) {
            log.info("Order {} refunded ({})", orderId, refund);
        }
    }
}
