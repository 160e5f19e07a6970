package org.guichet.registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TicketRepository extends JpaRepository<Ticket, Long> {

    @Query("select t from Ticket t join fetch t.order o join fetch t.type where o.userId = :userId order by t.id")
    List<Ticket> findOwnedBy(long userId);

    @Query("select t from Ticket t join fetch t.order join fetch t.type where t.id = :id")
    Optional<Ticket> findWithOrder(long id);

    long countByEventIdAndStatus(long eventId, TicketStatus status);

    /** The event's valid tickets (not held for a payment, cancelled or refunded) with their orders, buyer by buyer. */
    @Query("select t from Ticket t join fetch t.order o join fetch t.type where t.eventId = :eventId"
            + " and t.status = org.guichet.registration.TicketStatus.VALID order by o.userId, t.id")
    List<Ticket> findValidOfEvent(long eventId);

    long countByEventIdAndStatusAndCheckedInAtNotNull(long eventId, TicketStatus status);

    /** The check-in itself: only a valid ticket not yet in changes; the loser of a race changes nothing. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Ticket t set t.checkedInAt = :now, t.changedAt = :now where t.id = :id"
            + " and t.status = org.guichet.registration.TicketStatus.VALID and t.checkedInAt is null"
            + " and t.paymentStatus in (org.guichet.registration.PaymentStatus.FREE,"
            + " org.guichet.registration.PaymentStatus.PAID)")
    int checkIn(long id, Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Ticket t set t.checkedInAt = null, t.changedAt = :now where t.id = :id"
            + " and t.checkedInAt is not null")
    int undoCheckIn(long id, Instant now);

    /** The event's tickets, whatever their state, for a scanning app's list. */
    @Query("select t from Ticket t join fetch t.order join fetch t.type where t.eventId = :eventId order by t.id")
    List<Ticket> findAllOfEvent(long eventId);

    /** The event's tickets changed at or after {@code since}. */
    @Query("select t from Ticket t join fetch t.order join fetch t.type where t.eventId = :eventId"
            + " and t.changedAt >= :since order by t.id")
    List<Ticket> findChangedOfEvent(long eventId, Instant since);

    @Query("select t.checkedInAt from Ticket t where t.id = :id")
    Instant checkedInAt(long id);

    @Query("select t from Ticket t join fetch t.order join fetch t.type where t.eventId = :eventId"
            + " and t.checkedInAt is not null order by t.checkedInAt desc, t.id desc")
    List<Ticket> findLatestCheckIns(long eventId, Pageable page);

    @Query("select t from Ticket t join fetch t.order o join fetch t.type where t.eventId = :eventId and ("
            + "lower(t.attendeeName) like :search escape '\\' or lower(o.reference) like :search escape '\\'"
            + " or o.userId in (select u.id from User u where lower(u.email) like :search escape '\\'))"
            + " order by t.attendeeName, t.id")
    List<Ticket> search(long eventId, String search, Pageable page);
}
