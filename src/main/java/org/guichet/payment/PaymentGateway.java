package org.guichet.payment;

/** A payment provider: opens hosted checkout pages; its verified webhooks come back as {@link GatewayNotice}s. */
public interface PaymentGateway {

    String name();

    Checkout open(CheckoutRequest request);

    /** Where one of its pages stands: open (and where to send the buyer back), paid, or closed. */
    CheckoutPage page(String sessionId);

    /** Closes a checkout page that must no longer take a payment (its hold ended first). */
    default void expire(String sessionId) {
    }

    /** Gives a payment back in full; returns the gateway's refund reference. */
    String refund(Payment payment);
}
