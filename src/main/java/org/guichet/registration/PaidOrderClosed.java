package org.guichet.registration;

/**
 * A paid order ended (its buyer cancelled it, or its event was cancelled): the payment that confirmed it is
 * owed back. Published inside the closing transaction; the payment module records the refund in it.
 */
public record PaidOrderClosed(long orderId, Reason reason) {

    public enum Reason { BUYER_CANCELLED, EVENT_CANCELLED }
}
