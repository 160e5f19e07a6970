package org.guichet.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.event.Money;
import org.guichet.notification.Mail;
import org.guichet.notification.Outbox;
import org.guichet.registration.Order;
import org.guichet.registration.OrderStatus;
import org.guichet.registration.OrderTicketsRenderer;
import org.guichet.registration.RegistrationService;
import org.guichet.registration.TicketPdf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paying for orders: opens the active gateway's checkout (never inside a database transaction), and acts on its
 * verified webhooks, each once (idempotent by the gateway's event id).
 */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final PaymentGateways.Registry gateways;
    private final RegistrationService registrations;
    private final PaymentRepository payments;
    private final GatewayEventRepository handled;
    private final EventService events;
    private final UserRepository users;
    private final ReceiptPdf receipts;
    private final TicketPdf tickets;
    private final Outbox outbox;
    private final Refunds refunds;
    private final Clock clock;
    private final String baseUrl;

    PaymentService(PaymentGateways.Registry gateways, RegistrationService registrations, PaymentRepository payments,
            GatewayEventRepository handled, EventService events, UserRepository users, ReceiptPdf receipts,
            TicketPdf tickets, Outbox outbox, Refunds refunds, Clock clock,
            @Value("${guichet.base-url}") String baseUrl) {
        this.refunds = refunds;
        this.gateways = gateways;
        this.registrations = registrations;
        this.payments = payments;
        this.handled = handled;
        this.events = events;
        this.users = users;
        this.receipts = receipts;
        this.tickets = tickets;
        this.outbox = outbox;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** Opens a checkout for an order still holding its seats; the caller sends the buyer to its page. */
    public Checkout startCheckout(AccountPrincipal buyer, long orderId) {
        Order order = registrations.ownOrder(buyer, orderId);
        if (order.getStatus() != OrderStatus.PENDING_PAYMENT || !clock.instant().isBefore(order.getHoldExpiresAt())) {
            throw new PaymentProblem("payment.error.notPayable");
        }
        Event event = events.get(order.getEventId());
        PaymentGateway gateway = gateways.active();
        Checkout checkout = gateway.open(new CheckoutRequest(order.getId(), order.getReference(), order.getTotal(),
                order.getCurrency(), event.getTitle(), buyer.email(), baseUrl + "/orders/" + order.getId() + "/return",
                order.getHoldExpiresAt()));
        registrations.attachCheckout(buyer, orderId, gateway.name(), checkout.sessionId());
        return checkout;
    }

    /**
     * The buyer cancels a paid order before the event's refund deadline: the seats are freed and the refund,
     * in full, is owed in the same transaction, then sent to the gateway.
     */
    @Transactional
    public void refundByBuyer(AccountPrincipal buyer, long orderId) {
        Order order = registrations.ownOrder(buyer, orderId);
        Event event = events.get(order.getEventId());
        Payment payment = payments.findByOrderId(orderId)
                .filter(paid -> !paid.isRefunded())
                .orElseThrow(() -> new PaymentProblem("payment.error.noRefund"));
        if (order.getStatus() != OrderStatus.CONFIRMED || !event.refundsAllowed(clock.instant())) {
            throw new PaymentProblem("payment.error.noRefund");
        }
        registrations.cancelRefunded(orderId);
        refunds.owe(payment);
        log.info("Order {} refunded at its buyer's request", order.getReference());
        User user = users.findById(order.getUserId()).orElseThrow();
        outbox.enqueue(new Mail(user.getEmail(), order.getLanguage(), "order-refunded", Map.of(
                "firstName", user.getFirstName(),
                "eventTitle", event.getTitle(),
                "reference", order.getReference(),
                "amount", Money.format(payment.getAmount(), payment.getCurrency(), order.getLanguage())),
                List.of(event.getTitle())));
    }

    /** Acts on a verified gateway event; false when it had already been handled. */
    @Transactional
    public boolean handle(GatewayNotice notice) {
        if (handled.existsByGatewayAndEventId(notice.gateway(), notice.eventId())) {
            return false;
        }
        handled.saveAndFlush(new GatewayEvent(notice.gateway(), notice.eventId(), notice.type().name(),
                notice.transactionRef(), clock.instant()));
        if (notice.type() == GatewayNotice.Type.PAYMENT_SUCCEEDED) {
            paid(notice);
        } else if (notice.type() == GatewayNotice.Type.REFUNDED) {
            refundedAtTheGateway(notice);
        } else if (notice.type() == GatewayNotice.Type.CHECKOUT_EXPIRED
                && registrations.expireCheckout(notice.orderId(), notice.transactionRef())) {
            log.info("Checkout {} expired at {}: order {} released its seats", notice.transactionRef(),
                    notice.gateway(), notice.orderId());
        }
        return true;
    }

    /**
     * The gateway refunded a payment (from its own dashboard, say). If the payment is known the order ends
     * refunded; if it is not known yet, the refund is remembered and applied when the payment arrives.
     */
    private void refundedAtTheGateway(GatewayNotice notice) {
        payments.findByTransactionRef(notice.transactionRef())
                .filter(payment -> !payment.isRefunded())
                .ifPresent(payment -> {
                    payment.refundedByGateway(clock.instant());
                    Order order = registrations.orderForPayment(payment.getOrderId());
                    if (order.getStatus() == OrderStatus.CONFIRMED) {
                        registrations.cancelRefunded(order.getId());
                    }
                });
    }

    private void paid(GatewayNotice notice) {
        Order order = registrations.orderForPayment(notice.orderId());
        if (order.getTotal().compareTo(notice.amount()) != 0 || !order.getCurrency().equals(notice.currency())) {
            log.warn("Gateway {} reported {} {} for order {} which costs {} {}: ignored", notice.gateway(),
                    notice.amount(), notice.currency(), order.getReference(), order.getTotal(), order.getCurrency());
            return;
        }
        if (payments.findByOrderId(order.getId()).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        RegistrationService.PaymentOutcome outcome = registrations.confirmPayment(order.getId());
        Payment payment = payments.save(new Payment(order.getId(), order.getUserId(), notice.amount(),
                notice.currency(), notice.gateway(), notice.transactionRef(), now, receiptNumber(order, now)));
        if (handled.existsByGatewayAndTransactionRefAndType(notice.gateway(), notice.transactionRef(),
                GatewayNotice.Type.REFUNDED.name())) {
            // The refund overtook the payment: the order ends refunded, as if they had come in order.
            payment.refundedByGateway(now);
            if (outcome == RegistrationService.PaymentOutcome.CONFIRMED) {
                registrations.cancelRefunded(order.getId());
            }
            return;
        }
        User buyer = users.findById(order.getUserId()).orElseThrow();
        Event event = events.get(order.getEventId());
        if (outcome == RegistrationService.PaymentOutcome.NEEDS_REFUND) {
            refunds.owe(payment);
            outbox.enqueue(new Mail(buyer.getEmail(), order.getLanguage(), "payment-refunded", Map.of(
                    "firstName", buyer.getFirstName(),
                    "eventTitle", event.getTitle(),
                    "reference", order.getReference()), List.of(event.getTitle())));
            return;
        }
        outbox.enqueue(new Mail(buyer.getEmail(), order.getLanguage(), "payment-confirmed", Map.of(
                "firstName", buyer.getFirstName(),
                "eventTitle", event.getTitle(),
                "reference", order.getReference(),
                "link", baseUrl + "/tickets"), List.of(event.getTitle()), List.of(
                ReceiptRenderer.attachment(payment),
                OrderTicketsRenderer.attachment(order))));
    }

    private static String receiptNumber(Order order, Instant now) {
        return "R-" + now.atZone(ZoneOffset.UTC).getYear() + "-" + String.format("%07d", order.getId());
    }
}
