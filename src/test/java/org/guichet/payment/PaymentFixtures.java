package org.guichet.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** Payments as the webhook handling records them, for adapter tests. */
public final class PaymentFixtures {

    private PaymentFixtures() {
    }

    public static Payment paid(String transactionRef, String amount) {
        return new Payment(1, 1, new BigDecimal(amount), "EUR", "stripe", transactionRef, null, Instant.now(),
                "R-2026-0000001");
    }
}
