package org.guichet.registration;

/** What a verified payment did to its order; anything but {@link #CONFIRMED} means the money is owed back. */
public enum PaymentOutcome {
    CONFIRMED,
    /** Another payment had already paid the order. */
    ALREADY_PAID,
    /** The order was cancelled or refunded before the money came. */
    ORDER_CLOSED,
    /** The payment came through a checkout page the order had replaced. */
    SUPERSEDED,
    /** The hold had run out and its seats were sold meanwhile. */
    SEATS_GONE;

    public boolean confirmed() {
        return this == CONFIRMED;
    }
}
