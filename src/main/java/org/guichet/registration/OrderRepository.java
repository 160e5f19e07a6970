package org.guichet.registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface OrderRepository extends JpaRepository<Order, Long> {

    @Query("select distinct o from Order o join fetch o.tickets t join fetch t.type where o.id = :id")
    Optional<Order> findWithTickets(long id);

    /**
     * Locks the order's own row (not its tickets' types, which every buyer needs) until the transaction ends: two
     * clicks or two webhooks for one order take turns, and the second sees what the first did.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Order o where o.id = :id")
    Optional<Order> lock(long id);

    /** Serialises one buyer's orders, so two tabs cannot both pass the per-person limit. */
    @Query(value = "select id from users where id = :userId for update", nativeQuery = true)
    Optional<Long> lockBuyer(long userId);

    boolean existsByEventId(long eventId);

    @Query("select o.id from Order o where o.eventId = :eventId and o.status in "
            + "(org.guichet.registration.OrderStatus.CONFIRMED, org.guichet.registration.OrderStatus.PENDING_PAYMENT)"
            + " order by o.id")
    List<Long> findOpenOrders(long eventId);

    @Query("select o.id from Order o where o.status = org.guichet.registration.OrderStatus.PENDING_PAYMENT "
            + "and o.holdExpiresAt <= :now")
    List<Long> findExpiredHolds(Instant now);

    /** This buyer's orders of the event still waiting for their payment, oldest first. */
    @Query("select o.id from Order o where o.userId = :userId and o.eventId = :eventId and o.status = "
            + "org.guichet.registration.OrderStatus.PENDING_PAYMENT order by o.id")
    List<Long> findHolds(long userId, long eventId);

    /** Tickets this buyer holds for the event: confirmed or held, the ones their limit counts. */
    // Reached through the buyer's orders of the event (one index), never through all of the event's tickets: on
    // a sale day those grow by the second, and a plan made on older statistics would read them all on every order.
    @Query("select count(t) from Ticket t where t.order.userId = :userId and t.order.eventId = :eventId "
            + "and t.order.status in (org.guichet.registration.OrderStatus.CONFIRMED, "
            + "org.guichet.registration.OrderStatus.PENDING_PAYMENT)")
    long countLiveTickets(long userId, long eventId);

    boolean existsByUserIdAndEventIdAndStatus(long userId, long eventId, OrderStatus status);
}
