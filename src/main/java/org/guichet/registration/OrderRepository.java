package org.guichet.registration;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrderRepository extends JpaRepository<Order, Long> {

    @Query("select distinct o from Order o join fetch o.tickets t join fetch t.type where o.id = :id")
    Optional<Order> findWithTickets(long id);

    boolean existsByEventId(long eventId);

    boolean existsByUserIdAndEventIdAndStatus(long userId, long eventId, OrderStatus status);
}
