package org.guichet.payment;

/** What a gateway says of one of its checkout pages: still taking a payment, already paid, or closed. */
public record CheckoutPage(State state, Checkout checkout) {

    public enum State { OPEN, PAID, CLOSED }

    public static CheckoutPage open(Checkout checkout) {
        return new CheckoutPage(State.OPEN, checkout);
    }

    public static CheckoutPage paid() {
        return new CheckoutPage(State.PAID, null);
    }

    public static CheckoutPage closed() {
        return new CheckoutPage(State.CLOSED, null);
    }
}
