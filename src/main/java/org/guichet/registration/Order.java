package org.guichet.registration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.guichet.shared.Refusal;

/** One person's registration for one event: a readable reference, a status, a total, and its tickets. */
@Entity
@Table(name = "orders")
public class Order {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String reference;

    private Long userId;

    private Long eventId;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    private BigDecimal total;

    private String currency;

    private String language;

    private Instant createdAt;

    private Instant confirmedAt;

    private Instant cancelledAt;

    private Instant holdExpiresAt;

    private String gateway;

    private String checkoutSession;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Ticket> tickets = new ArrayList<>();

    @Version
    private long version;

    protected Order() {
    }

    Order(String reference, long userId, long eventId, String currency, Locale language, Instant now) {
        this.reference = reference;
        this.userId = userId;
        this.eventId = eventId;
        this.currency = currency;
        this.language = language.getLanguage();
        this.status = OrderStatus.PENDING_PAYMENT;
        this.total = BigDecimal.ZERO;
        this.createdAt = now;
    }

    void add(Ticket ticket) {
        if (status != OrderStatus.PENDING_PAYMENT || confirmedAt != null || holdExpiresAt != null) {
            throw new IllegalStateException("tickets are added to an order before it is confirmed or held");
        }
        tickets.add(ticket);
        total = total.add(ticket.getPrice());
    }

    /** A free order is confirmed at once; its tickets get their holders in. Never a paid one: it needs a payment. */
    void confirmFree(Instant now) {
        if (!isFree()) {
            throw new IllegalStateException("a paid order is confirmed by its payment only");
        }
        requireNew();
        status = OrderStatus.CONFIRMED;
        confirmedAt = now;
        tickets.forEach(Ticket::validateFree);
        stampTickets(now);
    }

    /** A paid order keeps its seats, unpaid, until {@code until}. */
    void hold(Instant until) {
        if (isFree()) {
            throw new IllegalStateException("a free order is never held for payment");
        }
        requireNew();
        holdExpiresAt = until;
    }

    /**
     * What a verified payment may do to this order, arriving through {@code session} (blank when the gateway
     * did not say): confirm it, confirm it once its seats are taken again, or be refunded.
     */
    PaymentDecision decide(String session) {
        if (isFree()) {
            return PaymentDecision.REFUND_ORDER_CLOSED;
        }
        boolean superseded = session != null && !session.isBlank() && checkoutSession != null
                && !checkoutSession.equals(session);
        return switch (status) {
            case PENDING_PAYMENT -> superseded ? PaymentDecision.REFUND_SUPERSEDED : PaymentDecision.CONFIRM;
            case EXPIRED -> superseded ? PaymentDecision.REFUND_SUPERSEDED : PaymentDecision.RETAKE_SEATS;
            case CONFIRMED -> PaymentDecision.REFUND_ALREADY_PAID;
            case CANCELLED, REFUNDED -> PaymentDecision.REFUND_ORDER_CLOSED;
        };
    }

    /** The gateway confirmed the payment (for an expired hold, once its seats were taken again). */
    void confirmPaid(Instant now) {
        PaymentDecision decision = decide(null);
        if (decision != PaymentDecision.CONFIRM && decision != PaymentDecision.RETAKE_SEATS) {
            throw new IllegalStateException("order " + reference + " cannot be paid: " + status);
        }
        status = OrderStatus.CONFIRMED;
        confirmedAt = now;
        cancelledAt = null;
        tickets.forEach(Ticket::validatePaid);
        stampTickets(now);
    }

    /** The hold ran out unpaid: the seats go back on sale. */
    void expire(Instant now) {
        if (status != OrderStatus.PENDING_PAYMENT || isFree()) {
            throw new IllegalStateException("only a held order expires, not a " + status + " one");
        }
        status = OrderStatus.EXPIRED;
        cancelledAt = now;
        tickets.forEach(Ticket::cancel);
        stampTickets(now);
    }

    /** Whether the hold's time is up (the order still waits to be expired). */
    boolean holdIsOver(Instant now) {
        return status == OrderStatus.PENDING_PAYMENT && holdExpiresAt != null && !now.isBefore(holdExpiresAt);
    }

    /** The buyer cancels a free registration before the event starts. */
    void cancelByBuyer(Instant now, Instant eventStart) {
        refuseIfClosed();
        if (status != OrderStatus.CONFIRMED) {
            throw new Refusal("registration.error.notCancellable");
        }
        if (!isFree()) {
            throw new Refusal("registration.error.paidCancellation");
        }
        if (!now.isBefore(eventStart)) {
            throw new Refusal("registration.error.startedCancellation");
        }
        status = OrderStatus.CANCELLED;
        cancelledAt = now;
        tickets.forEach(Ticket::cancel);
        stampTickets(now);
    }

    /** The buyer cancels a paid order while the event still refunds: the whole payment is owed back. */
    void refundByBuyer(Instant now, boolean refundsAllowed) {
        refuseIfClosed();
        if (status != OrderStatus.CONFIRMED || isFree() || !refundsAllowed) {
            throw new Refusal("payment.error.noRefund");
        }
        refunded(now);
    }

    /** The gateway refunded the payment this order was confirmed by: the order ends refunded. */
    boolean refundedByGateway(Instant now) {
        if (status != OrderStatus.CONFIRMED || isFree()) {
            return false;
        }
        refunded(now);
        return true;
    }

    /** The event was cancelled: the order ends; true when it had been paid, so its payment is owed back. */
    boolean closeForCancelledEvent(Instant now) {
        if (status != OrderStatus.CONFIRMED && status != OrderStatus.PENDING_PAYMENT) {
            throw new IllegalStateException("order " + reference + " is already closed");
        }
        boolean paid = isPaid();
        if (paid) {
            refunded(now);
        } else {
            status = OrderStatus.CANCELLED;
            cancelledAt = now;
            tickets.forEach(Ticket::cancel);
            stampTickets(now);
        }
        return paid;
    }

    /** The buyer is sent to this gateway page; only the latest one may take the order's payment. */
    void checkoutWith(String gateway, String session, Instant now) {
        if (!isPayable(now)) {
            throw new Refusal("payment.error.notPayable");
        }
        this.gateway = gateway;
        this.checkoutSession = session;
    }

    /** Still waiting for its payment, with time left on its hold. */
    public boolean isPayable(Instant now) {
        return status == OrderStatus.PENDING_PAYMENT && !isFree() && holdExpiresAt != null
                && now.isBefore(holdExpiresAt);
    }

    /** Confirmed by a payment (not free, not yet refunded). */
    public boolean isPaid() {
        return status == OrderStatus.CONFIRMED && !isFree();
    }

    /** The buyer may cancel it from My tickets now (a free registration before the event starts). */
    public boolean canCancel(Instant now, Instant eventStart) {
        return status == OrderStatus.CONFIRMED && isFree() && now.isBefore(eventStart);
    }

    public boolean isFree() {
        return total.signum() == 0;
    }

    /** Waiting for its payment (its hold may have run out and not yet been released). */
    public boolean isAwaitingPayment() {
        return status == OrderStatus.PENDING_PAYMENT;
    }

    public boolean isConfirmed() {
        return status == OrderStatus.CONFIRMED;
    }

    /** Ended without being paid: its hold ran out, or it was cancelled while waiting. */
    public boolean isClosedUnpaid() {
        return status == OrderStatus.EXPIRED || (status == OrderStatus.CANCELLED && !isFree());
    }

    private void refunded(Instant now) {
        status = OrderStatus.REFUNDED;
        cancelledAt = now;
        tickets.forEach(Ticket::refund);
        stampTickets(now);
    }

    private void stampTickets(Instant now) {
        tickets.forEach(ticket -> ticket.changed(now));
    }

    private void requireNew() {
        if (status != OrderStatus.PENDING_PAYMENT || confirmedAt != null || holdExpiresAt != null) {
            throw new IllegalStateException("order " + reference + " is no longer new: " + status);
        }
    }

    /** The second of two identical clicks gets a calm answer, not an error. */
    private void refuseIfClosed() {
        if (status == OrderStatus.CANCELLED) {
            throw new Refusal("order.error.alreadyCancelled", reference);
        }
        if (status == OrderStatus.REFUNDED) {
            throw new Refusal("order.error.alreadyRefunded", reference);
        }
        if (status == OrderStatus.EXPIRED) {
            throw new Refusal("order.error.expired", reference);
        }
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public Long getUserId() {
        return userId;
    }

    public Long getEventId() {
        return eventId;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public String getCurrency() {
        return currency;
    }

    public Locale getLanguage() {
        return Locale.forLanguageTag(language);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public Instant getHoldExpiresAt() {
        return holdExpiresAt;
    }

    public String getGateway() {
        return gateway;
    }

    public String getCheckoutSession() {
        return checkoutSession;
    }

    public List<Ticket> getTickets() {
        return List.copyOf(tickets);
    }
}
