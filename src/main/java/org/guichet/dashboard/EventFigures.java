package org.guichet.dashboard;

import java.util.List;

/**
 * What one event has sold, as counted by {@link DashboardQueries}.
 *
 * @param capacity         events.capacity
 * @param seatsTaken       events.seats_taken: sold seats plus seats held for orders awaiting payment
 * @param registrations    orders CONFIRMED (free or paid)
 * @param heldOrders       orders PENDING_PAYMENT: seats held, not sold
 * @param orders           every order the event ever had, whatever its state (an event with one cannot be deleted)
 * @param ticketsSold      tickets VALID
 * @param heldSeats        tickets RESERVED: held for an order awaiting payment
 * @param cancelledTickets tickets CANCELLED (refunded, expired or cancelled orders)
 * @param checkedIn        tickets VALID with checked_in_at set
 * @param waiting          waiting-list entries still WAITING or OFFERED a seat
 * @param revenue          per currency, from the payments of the event's orders
 */
public record EventFigures(long eventId, int capacity, int seatsTaken, long registrations, long heldOrders,
        long orders, long ticketsSold, long heldSeats, long cancelledTickets, long checkedIn, long waiting,
        List<Revenue> revenue) {

    public static EventFigures none(long eventId, int capacity, int seatsTaken) {
        return new EventFigures(eventId, capacity, seatsTaken, 0, 0, 0, 0, 0, 0, 0, 0, List.of());
    }

    /** Share of the capacity sold, in whole percent (rounded down, so a bar is full only when it is). */
    public int soldPercent() {
        return percent(ticketsSold);
    }

    /** Share of the capacity held for orders awaiting payment, in whole percent. */
    public int heldPercent() {
        return Math.min(percent(heldSeats), 100 - soldPercent());
    }

    /** Payments given back on Guichet's own because their order could not keep them, all currencies. */
    public long automaticRefunds() {
        return revenue.stream().mapToLong(Revenue::automaticRefunds).sum();
    }

    public boolean hasRevenue() {
        return !revenue.isEmpty();
    }

    private int percent(long seats) {
        return capacity <= 0 ? 0 : (int) Math.min(100, seats * 100 / capacity);
    }
}
