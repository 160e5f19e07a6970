package org.guichet.event;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The event's seat counter, changed only by guarded updates: a seat is taken when the row still has room at the
 * moment of the update, never after reading a count. Always in the caller's transaction. Plain SQL: the hottest
 * statement of a sale, sent as is rather than translated on each call.
 */
public interface EventSeats extends Repository<Event, Long> {

    /** Takes {@code count} seats if the event has them; 0 rows means it does not. */
    @Transactional(propagation = Propagation.MANDATORY)
    @Modifying(flushAutomatically = true)
    @Query(value = "update events set seats_taken = seats_taken + :count where id = :eventId "
            + "and seats_taken + :count <= capacity", nativeQuery = true)
    int take(long eventId, int count);

    @Transactional(propagation = Propagation.MANDATORY)
    @Modifying(flushAutomatically = true)
    @Query(value = "update events set seats_taken = seats_taken - :count where id = :eventId and seats_taken >= :count",
            nativeQuery = true)
    int release(long eventId, int count);
}
