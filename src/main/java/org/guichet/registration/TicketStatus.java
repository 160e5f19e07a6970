package org.guichet.registration;

public enum TicketStatus {
    /** Seat held while the order waits for payment. */
    RESERVED,
    /** Gets its holder in. */
    VALID,
    /** No longer gets anyone in; its seat went back on sale. */
    CANCELLED
}
