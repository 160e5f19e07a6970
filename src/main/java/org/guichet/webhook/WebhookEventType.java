package org.guichet.webhook;

import java.util.Arrays;
import java.util.Optional;

/** What an endpoint may ask to be told, by the name receivers see in {@code type}. */
public enum WebhookEventType {
    ORDER_CONFIRMED("order.confirmed"),
    ORDER_CANCELLED("order.cancelled"),
    ORDER_REFUNDED("order.refunded"),
    TICKET_CHECKED_IN("ticket.checked_in"),
    EVENT_UPDATED("event.updated"),
    EVENT_CANCELLED("event.cancelled");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The message key of its label on pages: {@code webhook.type.order.confirmed}. */
    public String labelKey() {
        return "webhook.type." + wireName;
    }

    public static Optional<WebhookEventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
