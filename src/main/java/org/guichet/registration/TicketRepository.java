package org.guichet.registration;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketRepository extends JpaRepository<Ticket, Long> {

    @Query("select t from Ticket t join fetch t.order o join fetch t.type where o.userId = :userId order by t.id")
    List<Ticket> findOwnedBy(long userId);

    @Query("select t from Ticket t join fetch t.order join fetch t.type where t.id = :id")
    Optional<Ticket> findWithOrder(long id);

    long countByEventIdAndStatus(long eventId, TicketStatus status);
}
