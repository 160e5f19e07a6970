package org.guichet.registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrderRepository extends JpaRepository<Order, Long> {

    @Query("select distinct o from Order o join fetch o.tickets t join fetch t.type where o.id = :id")
    Optional<Order> findWithTickets(long id);

    boolean existsByEventId(long eventId);

    @Query("select o.id from Order o where o.eventId = :eventId and o.status in "
            + "(org.guichet.registration.OrderStatus.CONFIRMED, org.guichet.registration.OrderStatus.PENDING_PAYMENT)")
    List<Long> findOpenOrders(long eventId);

    @Query("select o.id from Order o where o.status = org.guichet.registration.OrderStatus.PENDING_PAYMENT "
            + "and o.holdExpiresAt <= :now")
    List<Long> findExpiredHolds(Instant now);

    boolean existsByUserIdAndEventIdAndStatus(long userId, long eventId, OrderStatus status);
}
