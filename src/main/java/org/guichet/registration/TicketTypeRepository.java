package org.guichet.registration;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TicketTypeRepository extends JpaRepository<TicketType, Long> {

    List<TicketType> findByEventIdOrderByPositionAscIdAsc(long eventId);

    /** Takes {@code count} tickets of this type if it still has them; 0 rows means sold out. */
    @Modifying(flushAutomatically = true)
    @Query(value = "update ticket_types set sold = sold + :count where id = :typeId and sold + :count <= quantity",
            nativeQuery = true)
    int take(long typeId, int count);

    @Modifying(flushAutomatically = true)
    @Query(value = "update ticket_types set sold = sold - :count where id = :typeId and sold >= :count",
            nativeQuery = true)
    int release(long typeId, int count);
}
