package org.guichet.payment;

import java.math.BigDecimal;

/** A verified event from a gateway, in Guichet's words. */
public record GatewayNotice(String gateway, String eventId, Type type, long orderId, BigDecimal amount,
        String currency, String transactionRef) {

    public enum Type { PAYMENT_SUCCEEDED, REFUNDED, OTHER }
}
