package org.guichet.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.notification.Mail;
import org.guichet.notification.Outbox;
import org.guichet.registration.CheckoutPort;
import org.guichet.registration.Order;
import org.guichet.registration.OrderLifecycle;
import org.guichet.registration.OrderTicketsRenderer;
import org.guichet.registration.ParticipantOrders;
import org.guichet.registration.PaymentOutcome;
import org.guichet.shared.AbsoluteLinks;
import org.guichet.shared.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paying for orders: one live checkout page per order (reused while open, the older one closed at its gateway
 * before another opens, never inside a database transaction), and the gateway's verified webhooks, each acted on
 * once. Every payment that arrives is recorded; one the order cannot keep is refunded in full, and its buyer told.
 */
@Service
public class PaymentService implements CheckoutPort {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);
    private static final int ATTACH_ATTEMPTS = 3;

    private final PaymentGateways.Registry gateways;
    private final ParticipantOrders buyers;
    private final OrderLifecycle lifecycle;
    private final PaymentRepository payments;
    private final GatewayEventRepository handled;
    private final EventService events;
    private final UserRepository users;
    private final Outbox outbox;
    private final Refunds refunds;
    private final Clock clock;
    private final AbsoluteLinks links;

    PaymentService(PaymentGateways.Registry gateways, ParticipantOrders buyers, OrderLifecycle lifecycle,
            PaymentRepository payments, GatewayEventRepository handled, EventService events, UserRepository users,
            Outbox outbox, Refunds refunds, Clock clock,
            AbsoluteLinks links) {
        this.gateways = gateways;
        this.buyers = buyers;
        this.lifecycle = lifecycle;
        this.payments = payments;
        this.handled = handled;
        this.events = events;
        this.users = users;
        this.outbox = outbox;
        this.refunds = refunds;
        this.clock = clock;
        this.links = links;
    }

    /**
     * The order's checkout page: its current one while the gateway still takes payments on it, else a new one,
     * after the old one is closed at its gateway so that only one page can take the order's money.
     */
    public Checkout startCheckout(AccountPrincipal buyer, long orderId) {
        for (int attempt = 0; attempt < ATTACH_ATTEMPTS; attempt++) {
            Order order = buyers.ownOrder(buyer, orderId);
            if (!order.isPayable(clock.instant())) {
                throw new Refusal("payment.error.notPayable");
            }
            String current = order.getCheckoutSession();
            Optional<PaymentGateway> previous = Optional.ofNullable(order.getGateway()).flatMap(gateways::named);
            if (current != null && previous.isPresent()) {
                CheckoutPage page = previous.get().page(current);
                if (page.state() == CheckoutPage.State.OPEN) {
                    return page.checkout();
                }
                if (page.state() == CheckoutPage.State.PAID) {
                    // Paid at the gateway, its webhook not here yet: wait for it rather than take the money twice.
                    return new Checkout(current, "/orders/" + orderId + "/return");
                }
                closeQuietly(previous.get(), current);
            }
            PaymentGateway gateway = gateways.active();
            Event event = events.get(order.getEventId());
            Checkout checkout = gateway.open(new CheckoutRequest(order.getId(), order.getReference(),
                    order.getTotal(), order.getCurrency(), event.getTitle(), buyer.email(),
                    links.base() + "/orders/" + order.getId() + "/return", order.getHoldExpiresAt()));
            if (lifecycle.attachCheckout(buyer, orderId, current, gateway.name(), checkout.sessionId())) {
                return checkout;
            }
            // Another tab opened its own page meanwhile: ours must not stay payable; take theirs on the next round.
            closeQuietly(gateway, checkout.sessionId());
        }
        throw new Refusal("payment.error.gateway");
    }

    @Override
    public String checkoutUrl(AccountPrincipal buyer, long orderId) {
        return startCheckout(buyer, orderId).redirectUrl();
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
                && lifecycle.expireCheckout(notice.orderId(), notice.transactionRef())) {
            log.info("Checkout {} expired at {}: order {} released its seats", notice.transactionRef(),
                    notice.gateway(), notice.orderId());
        }
        return true;
    }

    /**
     * The gateway refunded a payment (from its own dashboard, say). If it was the one its order kept, the order
     * ends refunded; if the payment is not known yet, the refund is remembered and applied when it arrives.
     */
    private void refundedAtTheGateway(GatewayNotice notice) {
        payments.findByGatewayAndTransactionRef(notice.gateway(), notice.transactionRef())
                .filter(payment -> !payment.isRefunded())
                .ifPresent(payment -> {
                    payment.refundedByGateway(clock.instant());
                    lifecycle.refundedAtGateway(payment.getOrderId());
                });
    }

    private void paid(GatewayNotice notice) {
        Order order = lifecycle.orderForPayment(notice.orderId());
        if (order.getTotal().compareTo(notice.amount()) != 0 || !order.getCurrency().equals(notice.currency())) {
            log.warn("Gateway {} reported {} {} for order {} which costs {} {}: ignored", notice.gateway(),
                    notice.amount(), notice.currency(), order.getReference(), order.getTotal(), order.getCurrency());
            return;
        }
        if (payments.findByGatewayAndTransactionRef(notice.gateway(), notice.transactionRef()).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        Payment payment = payments.saveAndFlush(new Payment(order.getId(), order.getUserId(), notice.amount(),
                notice.currency(), notice.gateway(), notice.transactionRef(), notice.checkoutSession(), now,
                receiptNumber(order, now)));
        PaymentOutcome outcome = lifecycle.confirmPayment(order.getId(), notice.checkoutSession());
        if (handled.existsByGatewayAndTransactionRefAndType(notice.gateway(), notice.transactionRef(),
                GatewayNotice.Type.REFUNDED.name())) {
            // The refund overtook the payment: the order ends refunded, as if they had come in order.
            payment.refundedByGateway(now);
            if (outcome.confirmed()) {
                lifecycle.refundedAtGateway(order.getId());
            }
            return;
        }
        User buyer = users.findById(order.getUserId()).orElseThrow();
        Event event = events.get(order.getEventId());
        if (!outcome.confirmed()) {
            Payment.RefundReason reason = Payment.RefundReason.valueOf(outcome.name());
            refunds.owe(payment, reason);
            log.warn("Payment {} for order {} refunded automatically: {}", notice.transactionRef(),
                    order.getReference(), reason);
            outbox.enqueue(new Mail(buyer.getEmail(), order.getLanguage(), "payment-refunded", Map.of(
                    "firstName", buyer.getFirstName(),
                    "eventTitle", event.getTitle(),
                    "reference", order.getReference(),
                    "reason", reason.name()), List.of(event.getTitle())).sentFor(event.getOrganizer().getFullName()));
            return;
        }
        outbox.enqueue(new Mail(buyer.getEmail(), order.getLanguage(), "payment-confirmed", Map.of(
                "firstName", buyer.getFirstName(),
                "eventTitle", event.getTitle(),
                "reference", order.getReference(),
                "link", links.base() + "/tickets",
                "receiptLink", links.base() + "/orders/" + order.getId() + "/receipt.pdf"), List.of(event.getTitle()),
                List.of(ReceiptRenderer.attachment(payment),
                OrderTicketsRenderer.attachment(order))).sentFor(event.getOrganizer().getFullName()));
        lifecycle.sendAttendeesTheirTickets(order.getId());
    }

    private void closeQuietly(PaymentGateway gateway, String session) {
        try {
            gateway.expire(session);
        } catch (RuntimeException e) {
            // Should it still be paid, that payment is recorded and refunded: it no longer is the order's page.
            log.warn("Checkout {} not closed at {}: {}", session, gateway.name(), e.toString());
        }
    }

    /** One receipt per payment: the order's number, then -2, -3… for any further payment of the same order. */
    private String receiptNumber(Order order, Instant now) {
        long earlier = payments.countByOrderId(order.getId());
        String number = "R-" + now.atZone(ZoneOffset.UTC).getYear() + "-" + String.format("%07d", order.getId());
        return earlier == 0 ? number : number + "-" + (earlier + 1);
    }
}
