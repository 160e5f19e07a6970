package org.guichet.payment;

import java.math.BigDecimal;

/**
 * A verified event from a gateway, in Guichet's words. {@code transactionRef} is the payment's reference at the
 * gateway, or the checkout session's id for {@link Type#CHECKOUT_EXPIRED}; {@code checkoutSession} is the checkout
 * page a payment came through (blank when the gateway does not say).
 */
public record GatewayNotice(String gateway, String eventId, Type type, long orderId, BigDecimal amount,
        String currency, String transactionRef, String checkoutSession) {

    public enum Type { PAYMENT_SUCCEEDED, REFUNDED, CHECKOUT_EXPIRED, OTHER }

    public GatewayNotice(String gateway, String eventId, Type type, long orderId, BigDecimal amount, String currency,
            String transactionRef) {
        this(gateway, eventId, type, orderId, amount, currency, transactionRef, "");
    }
}
