package org.guichet.payment.sandbox;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A checkout page of the sandbox gateway, for one order. */
@Entity
@Table(name = "sandbox_sessions")
class SandboxSession {

    enum Status { OPEN, PAID, EXPIRED }

    @Id
    private String id;

    private Long orderId;

    private String reference;

    private BigDecimal amount;

    private String currency;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String returnUrl;

    private Instant createdAt;

    private Instant expiresAt;

    protected SandboxSession() {
    }

    SandboxSession(String id, long orderId, String reference, BigDecimal amount, String currency, String returnUrl,
            Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.orderId = orderId;
        this.reference = reference;
        this.amount = amount;
        this.currency = currency;
        this.status = Status.OPEN;
        this.returnUrl = returnUrl;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    void expire() {
        if (status == Status.OPEN) {
            status = Status.EXPIRED;
        }
    }

    boolean isOpen(Instant now) {
        return status == Status.OPEN && now.isBefore(expiresAt);
    }

    String getId() {
        return id;
    }

    Long getOrderId() {
        return orderId;
    }

    String getReference() {
        return reference;
    }

    BigDecimal getAmount() {
        return amount;
    }

    String getCurrency() {
        return currency;
    }

    Status getStatus() {
        return status;
    }

    String getReturnUrl() {
        return returnUrl;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}
