package org.guichet.registration;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.guichet.event.EventChanged;
import org.guichet.event.EventSeats;
import org.guichet.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only place seats are taken and given back, always by guarded updates and in one lock order: the event's
 * counter first, then each type's in id order. Callers make these the last writes of their transaction, so the
 * contended rows are held only until the commit that follows.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class Seats {

    private final EventSeats eventSeats;
    private final TicketTypeRepository types;
    private final WaitingList waitingList;
    private final ApplicationEventPublisher publisher;

    Seats(EventSeats eventSeats, TicketTypeRepository types, WaitingList waitingList,
            ApplicationEventPublisher publisher) {
        this.eventSeats = eventSeats;
        this.types = types;
        this.waitingList = waitingList;
        this.publisher = publisher;
    }

    /**
     * Takes the seats, or refuses when someone took them first (the caller's transaction then rolls back whatever it
     * wrote).
     */
    void take(long eventId, SortedMap<Long, Integer> byType) {
        if (!tryTake(eventId, byType)) {
            throw new Refusal("registration.error.seatsJustTaken");
        }
    }

    /**
     * Takes the seats if they are all still there; false (and nothing taken) when one is gone, which the pages
     * visitors were shown may not say yet.
     */
    boolean tryTake(long eventId, SortedMap<Long, Integer> byType) {
        int seats = byType.values().stream().mapToInt(Integer::intValue).sum();
        if (eventSeats.take(eventId, seats) == 0) {
            return gone(eventId);
        }
        SortedMap<Long, Integer> taken = new TreeMap<>();
        for (Map.Entry<Long, Integer> line : byType.entrySet()) {
            if (types.take(line.getKey(), line.getValue()) == 0) {
                eventSeats.release(eventId, seats);
                taken.forEach(types::release);
                return gone(eventId);
            }
            taken.put(line.getKey(), line.getValue());
        }
        return true;
    }

    private boolean gone(long eventId) {
        publisher.publishEvent(new EventChanged(eventId));
        return false;
    }

    /** An order's seats go to the people waiting for them, or back on sale. */
    void free(Order order) {
        SortedMap<Long, Integer> released = new TreeMap<>();
        for (Ticket ticket : order.getTickets()) {
            if (!waitingList.handOver(order.getEventId(), ticket.getType().getId())) {
                released.merge(ticket.getType().getId(), 1, Integer::sum);
            }
        }
        release(order.getEventId(), released);
    }

    /** A seat that was held for someone on the waiting list goes to the next one, or back on sale. */
    void passOn(long eventId, long typeId) {
        if (!waitingList.handOver(eventId, typeId)) {
            release(eventId, new TreeMap<>(Map.of(typeId, 1)));
        }
    }

    static SortedMap<Long, Integer> byType(Order order) {
        SortedMap<Long, Integer> byType = new TreeMap<>();
        order.getTickets().forEach(ticket -> byType.merge(ticket.getType().getId(), 1, Integer::sum));
        return byType;
    }

    private void release(long eventId, SortedMap<Long, Integer> byType) {
        int seats = byType.values().stream().mapToInt(Integer::intValue).sum();
        if (seats > 0) {
            eventSeats.release(eventId, seats);
            byType.forEach(types::release);
            publisher.publishEvent(new EventChanged(eventId));
        }
    }
}
