package org.guichet.registration;

/**
 * What registering gave: a new order, or ({@code resumed}) the buyer's own order still waiting for payment,
 * which they are taken back to instead of holding more seats.
 */
public record Registration(Order order, boolean resumed) {
}
