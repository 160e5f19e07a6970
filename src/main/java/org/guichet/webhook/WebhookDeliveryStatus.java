package org.guichet.webhook;

/** PENDING (never tried) → SENDING (claimed by one sender) → DELIVERED, or RETRY (back-off) … then FAILED. */
public enum WebhookDeliveryStatus {
    PENDING, SENDING, RETRY, DELIVERED, FAILED;

    public String labelKey() {
        return "webhook.delivery.status." + name();
    }
}
