package org.guichet.payment;

/** A gateway's checkout session and the page to send the buyer to. */
public record Checkout(String sessionId, String redirectUrl) {
}
