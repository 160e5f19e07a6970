package org.guichet.registration;

public enum OrderStatus {
    PENDING_PAYMENT, CONFIRMED, CANCELLED, EXPIRED, REFUNDED
}
