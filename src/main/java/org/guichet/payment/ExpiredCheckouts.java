package org.guichet.payment;

import org.guichet.registration.OrderExpired;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Once an unpaid order has expired, its gateway's checkout page is closed so it cannot take a late payment. */
@Component
class ExpiredCheckouts {

    private static final Logger log = LoggerFactory.getLogger(ExpiredCheckouts.class);

    private final PaymentGateways.Registry gateways;

    ExpiredCheckouts(PaymentGateways.Registry gateways) {
        this.gateways = gateways;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(OrderExpired expired) {
        if (expired.gateway() == null || expired.checkoutSession() == null) {
            return;
        }
        try {
            gateways.named(expired.gateway()).ifPresent(gateway -> gateway.expire(expired.checkoutSession()));
        } catch (RuntimeException e) {
            // A payment that still lands is handled as a late payment: honoured or refunded.
            log.warn("Checkout {} of order {} not closed: {}", expired.checkoutSession(), expired.orderId(), e.toString());
        }
    }
}
