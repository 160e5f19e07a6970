package org.guichet.payment;

import java.math.BigDecimal;

/**
 * A verified event from a gateway, in Guichet's words. {@code transactionRef} is the payment's reference at the
 * gateway, or the checkout session's id for {@link Type#CHECKOUT_EXPIRED}.
 */
public record GatewayNotice(String gateway, String eventId, Type type, long orderId, BigDecimal amount,
        String currency, String transactionRef) {

    public enum Type { PAYMENT_SUCCEEDED, REFUNDED, CHECKOUT_EXPIRED, OTHER }
}
