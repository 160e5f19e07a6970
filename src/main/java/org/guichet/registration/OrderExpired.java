package org.guichet.registration;

/** An unpaid order's hold ran out and its seats were released (published in that transaction). */
public record OrderExpired(long orderId, String gateway, String checkoutSession) {
}
