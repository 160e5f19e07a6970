package org.guichet.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** What a gateway needs to open its hosted payment page for an order. */
public record CheckoutRequest(long orderId, String reference, BigDecimal amount, String currency, String description,
        String customerEmail, String returnUrl, Instant expiresAt) {
}
