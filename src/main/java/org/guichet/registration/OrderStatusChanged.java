package org.guichet.registration;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order was confirmed (free at once, or paid), cancelled or refunded: what other modules hear of it, published
 * in the changing transaction, so what they write commits with the change or not at all. It carries what the order
 * was at that moment, so a listener needs no second look.
 */
public record OrderStatusChanged(long orderId, long eventId, String reference, OrderStatus status, BigDecimal total,
        String currency, int ticketCount, Instant at) {

    static OrderStatusChanged of(Order order, Instant at) {
        return new OrderStatusChanged(order.getId(), order.getEventId(), order.getReference(), order.getStatus(),
                order.getTotal(), order.getCurrency(), order.getTickets().size(), at);
    }
}
