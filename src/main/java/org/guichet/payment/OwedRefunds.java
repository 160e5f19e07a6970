package org.guichet.payment;

import org.guichet.registration.PaidOrderClosed;
import org.guichet.shared.Refusal;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A paid order closed (its buyer cancelled it, its event was cancelled): the payment it kept is owed back, in the
 * closing transaction, then sent to the gateway after the commit and retried until taken.
 */
@Component
class OwedRefunds {

    private final PaymentRepository payments;
    private final Refunds refunds;

    OwedRefunds(PaymentRepository payments, Refunds refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PaidOrderClosed closed) {
        Payment payment = payments.findKept(closed.orderId())
                .orElseThrow(() -> new Refusal("payment.error.noRefund"));
        refunds.owe(payment, closed.reason() == PaidOrderClosed.Reason.BUYER_CANCELLED
                ? Payment.RefundReason.BUYER_CANCELLED : Payment.RefundReason.EVENT_CANCELLED);
    }
}
