package org.guichet.webhook;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.guichet.shared.Refusal;

/**
 * One notification on its way to one endpoint: its body (fixed when queued), where it stands, how many attempts it
 * took, and what the last attempt got back (status code, the start of the answer, or the error).
 */
@Entity
@Table(name = "webhook_deliveries")
public class WebhookDelivery {

    static final int MAX_SNIPPET = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long endpointId;

    private String publicId;

    private String eventType;

    private String payload;

    @Enumerated(EnumType.STRING)
    private WebhookDeliveryStatus status;

    private int attempts;

    private Instant queuedAt;

    private Instant nextAttemptAt;

    private Instant claimedAt;

    private Instant lastAttemptAt;

    private Instant deliveredAt;

    private Integer responseStatus;

    private String responseSnippet;

    private String lastError;

    private Instant createdAt;

    protected WebhookDelivery() {
    }

    WebhookDelivery(long endpointId, String publicId, WebhookEventType type, String payload, Instant now) {
        this.endpointId = endpointId;
        this.publicId = publicId;
        this.eventType = type.wireName();
        this.payload = payload;
        this.status = WebhookDeliveryStatus.PENDING;
        this.queuedAt = now;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** The receiver answered 2xx. */
    void delivered(int statusCode, String snippet, Instant now) {
        requireSending();
        attempts++;
        status = WebhookDeliveryStatus.DELIVERED;
        lastAttemptAt = now;
        deliveredAt = now;
        nextAttemptAt = null;
        claimedAt = null;
        responseStatus = statusCode;
        responseSnippet = cut(snippet);
        lastError = null;
    }

    /**
     * The receiver answered something else ({@code statusCode}), or nothing ({@code null}, with the error): tried
     * again later, or FAILED once its time is up. Returns whether it is now given up.
     */
    boolean failed(Integer statusCode, String snippet, String error, Instant now, WebhookRetries retries) {
        requireSending();
        attempts++;
        lastAttemptAt = now;
        claimedAt = null;
        responseStatus = statusCode;
        responseSnippet = cut(snippet);
        lastError = cut(error);
        Optional<Instant> next = retries.nextAttempt(attempts, queuedAt, now);
        status = next.isPresent() ? WebhookDeliveryStatus.RETRY : WebhookDeliveryStatus.FAILED;
        nextAttemptAt = next.orElse(null);
        return next.isEmpty();
    }

    /** Queued again, due now, with its full time of retries ahead; the same id, so receivers can spot a repeat. */
    void resend(Instant now) {
        if (status == WebhookDeliveryStatus.SENDING) {
            throw new Refusal("webhook.error.sending");
        }
        status = WebhookDeliveryStatus.PENDING;
        attempts = 0;
        queuedAt = now;
        nextAttemptAt = now;
    }

    public boolean canResend() {
        return status != WebhookDeliveryStatus.SENDING;
    }

    private void requireSending() {
        if (status != WebhookDeliveryStatus.SENDING) {
            throw new IllegalStateException("delivery " + id + " is " + status + ", not being sent");
        }
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_SNIPPET ? text : text.substring(0, MAX_SNIPPET);
    }

    public Long getId() {
        return id;
    }

    public Long getEndpointId() {
        return endpointId;
    }

    public String getPublicId() {
        return publicId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getPayload() {
        return payload;
    }

    public WebhookDeliveryStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getQueuedAt() {
        return queuedAt;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getLastAttemptAt() {
        return lastAttemptAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public Integer getResponseStatus() {
        return responseStatus;
    }

    public String getResponseSnippet() {
        return responseSnippet;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
