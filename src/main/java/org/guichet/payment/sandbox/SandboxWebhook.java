package org.guichet.payment.sandbox;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A webhook the sandbox still owes Guichet, retried with growing delays until it is accepted. */
@Entity
@Table(name = "sandbox_webhooks")
class SandboxWebhook {

    private static final int GIVE_UP_AFTER = 12;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String payload;

    private String status;

    private int attempts;

    private Instant nextAttemptAt;

    private Instant createdAt;

    protected SandboxWebhook() {
    }

    SandboxWebhook(String payload, Instant now) {
        this.payload = payload;
        this.status = "PENDING";
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    void delivered() {
        attempts++;
        status = "DELIVERED";
    }

    void failed(Instant now) {
        attempts++;
        if (attempts >= GIVE_UP_AFTER) {
            status = "FAILED";
        } else {
            nextAttemptAt = now.plus(Duration.ofSeconds(2L << Math.min(attempts, 10)));
        }
    }

    Long getId() {
        return id;
    }

    String getPayload() {
        return payload;
    }
}
