package org.guichet.registration;

public enum PaymentStatus {
    FREE, PENDING, PAID, REFUNDED
}
