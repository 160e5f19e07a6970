package org.guichet.registration;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TicketTypeRepository extends JpaRepository<TicketType, Long> {

    List<TicketType> findByEventIdOrderByPositionAscIdAsc(long eventId);

    /** Takes {@code count} tickets of this type if it still has them; 0 rows means sold out. */
    @Modifying(flushAutomatically = true)
    @Query("update TicketType t set t.sold = t.sold + :count where t.id = :typeId and t.sold + :count <= t.quantity")
    int take(long typeId, int count);

    @Modifying(flushAutomatically = true)
    @Query("update TicketType t set t.sold = t.sold - :count where t.id = :typeId and t.sold >= :count")
    int release(long typeId, int count);
}
