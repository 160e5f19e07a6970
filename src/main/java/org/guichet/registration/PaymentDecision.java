package org.guichet.registration;

/** What a verified payment does to its order, as the order decides ({@link Order#decide}). */
enum PaymentDecision {
    /** The order was waiting for it: confirmed. */
    CONFIRM,
    /** The hold had run out: confirmed if its seats can be taken again, refunded otherwise. */
    RETAKE_SEATS,
    /** The order was already paid by another payment: this one goes back. */
    REFUND_ALREADY_PAID,
    /** The order was cancelled, refunded or free: the money goes back. */
    REFUND_ORDER_CLOSED,
    /** It came through a checkout page the order had replaced by a newer one: the money goes back. */
    REFUND_SUPERSEDED
}
