package org.guichet.payment;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
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

    protected Payment() {
    }

    Payment(long orderId, long userId, BigDecimal amount, String currency, String gateway, String transactionRef,
            Instant paidAt, String receiptNumber) {
        this.orderId = orderId;
        this.userId = userId;
        this.amount = amount;
        this.currency = currency;
        this.gateway = gateway;
        this.transactionRef = transactionRef;
        this.paidAt = paidAt;
        this.receiptNumber = receiptNumber;
    }

    void refundAll(Instant now) {
        refundedAmount = amount;
        refundedAt = now;
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
}
