package org.guichet.event;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The event's seat counter, changed only by guarded updates: a seat is taken when the row still has room at the
 * moment of the update, never after reading a count. Always in the caller's transaction.
 */
public interface EventSeats extends Repository<Event, Long> {

    /** Takes {@code count} seats if the event has them; 0 rows means it does not. */
    @Transactional(propagation = Propagation.MANDATORY)
    @Modifying(flushAutomatically = true)
    @Query("update Event e set e.seatsTaken = e.seatsTaken + :count where e.id = :eventId "
            + "and e.seatsTaken + :count <= e.capacity")
    int take(long eventId, int count);

    @Transactional(propagation = Propagation.MANDATORY)
    @Modifying(flushAutomatically = true)
    @Query("update Event e set e.seatsTaken = e.seatsTaken - :count where e.id = :eventId and e.seatsTaken >= :count")
    int release(long eventId, int count);
}
