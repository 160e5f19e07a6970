package org.guichet.payment;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Money received for an order, as the gateway reported it, and what was refunded of it. */
@Entity
@Table(name = "payments")
public class Payment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long orderId;

    private Long userId;

    private BigDecimal amount;

    private String currency;

    private String gateway;

    private String transactionRef;

    private Instant paidAt;

    private BigDecimal refundedAmount = BigDecimal.ZERO;

    private Instant refundedAt;

    private String receiptNumber;

    @Enumerated(EnumType.STRING)
    private RefundStatus refundStatus = RefundStatus.NONE;

    private String refundReference;

    private int refundAttempts;

    private Instant refundNextAttemptAt;

    private String checkoutSession;

    @Enumerated(EnumType.STRING)
    private RefundReason refundReason;

    /** Where a refund stands: owed and still to be sent to the gateway, or taken by it. */
    public enum RefundStatus { NONE, PENDING, DONE, FAILED }

    /**
     * Why the money went back. The last four are Guichet's own, the buyer never asked: the order could not keep
     * the payment (the dashboard counts them as automatic refunds).
     */
    public enum RefundReason { BUYER_CANCELLED, EVENT_CANCELLED, GATEWAY, ALREADY_PAID, ORDER_CLOSED, SUPERSEDED, SEATS_GONE }

    protected Payment() {
    }

    Payment(long orderId, long userId, BigDecimal amount, String currency, String gateway, String transactionRef,
            String checkoutSession, Instant paidAt, String receiptNumber) {
        this.checkoutSession = checkoutSession == null || checkoutSession.isBlank() ? null : checkoutSession;
        this.orderId = orderId;
        this.userId = userId;
        this.amount = amount;
        this.currency = currency;
        this.gateway = gateway;
        this.transactionRef = transactionRef;
        this.paidAt = paidAt;
        this.receiptNumber = receiptNumber;
    }

    /** Guichet owes the whole amount back; the refund is sent to the gateway once this is committed. */
    boolean owesRefund(Instant now, RefundReason reason) {
        if (refundStatus != RefundStatus.NONE) {
            return false;
        }
        refundReason = reason;
        refundedAmount = amount;
        refundedAt = now;
        refundStatus = RefundStatus.PENDING;
        refundNextAttemptAt = now;
        return true;
    }

    /** The gateway reports the payment refunded (from its own dashboard, or overtaking the payment). */
    void refundedByGateway(Instant now) {
        if (refundStatus == RefundStatus.NONE) {
            refundedAmount = amount;
            refundedAt = now;
            refundReason = RefundReason.GATEWAY;
        }
        refundStatus = RefundStatus.DONE;
    }

    /** The gateway took the refund Guichet owed. */
    void refundSent(String reference) {
        requireOwed();
        refundStatus = RefundStatus.DONE;
        refundReference = reference;
        refundNextAttemptAt = null;
    }

    /** The gateway did not take it: tried again at {@code retryAt}, or given up ({@code null}) for a person to handle. */
    void refundFailed(Instant retryAt) {
        requireOwed();
        refundAttempts++;
        if (retryAt == null) {
            refundStatus = RefundStatus.FAILED;
            refundNextAttemptAt = null;
        } else {
            refundNextAttemptAt = retryAt;
        }
    }

    private void requireOwed() {
        if (refundStatus != RefundStatus.PENDING) {
            throw new IllegalStateException("payment " + id + " owes no refund: " + refundStatus);
        }
    }

    boolean isRefunded() {
        return refundStatus != RefundStatus.NONE;
    }

    /** The payment its order keeps: not refunded, nor owed back. */
    public boolean isKept() {
        return refundStatus == RefundStatus.NONE;
    }

    public RefundReason getRefundReason() {
        return refundReason;
    }

    public String getCheckoutSession() {
        return checkoutSession;
    }

    public Long getId() {
        return id;
    }

    public Long getOrderId() {
        return orderId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getGateway() {
        return gateway;
    }

    public String getTransactionRef() {
        return transactionRef;
    }

    public Instant getPaidAt() {
        return paidAt;
    }

    public BigDecimal getRefundedAmount() {
        return refundedAmount;
    }

    public String getReceiptNumber() {
        return receiptNumber;
    }

    public RefundStatus getRefundStatus() {
        return refundStatus;
    }

    public String getRefundReference() {
        return refundReference;
    }

    int getRefundAttempts() {
        return refundAttempts;
    }
}
