package org.guichet.event;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface EventRepository extends JpaRepository<Event, Long>, JpaSpecificationExecutor<Event> {

    /** The listing: categories come in the same statement, whatever the page size (cards show no organizer). */
    @Override
    @EntityGraph(attributePaths = "category")
    Page<Event> findAll(Specification<Event> spec, Pageable pageable);

    @Query("select e from Event e join fetch e.category join fetch e.organizer left join fetch e.reminders"
            + " where e.id = :id")
    Optional<Event> findWithDetails(long id);

    /** Published events not started yet with a reminder due and not sent, with what their reminder mails show. */
    @Query("select distinct e from Event e join fetch e.category join fetch e.organizer left join fetch e.reminders"
            + " where e.status = org.guichet.event.EventStatus.PUBLISHED and e.startsAt > :now and e.id in ("
            + "select d.id from Event d join d.reminders r where r.dueAt <= :now and r.doneAt is null)"
            + " order by e.startsAt, e.id")
    List<Event> findWithReminderDue(Instant now);

    /**
     * Every reminder of the event due by now is done (the closest was just sent, the others it replaced), unless
     * the event's start moved meanwhile: then its reminders were scheduled anew and stay as they are.
     */
    @Modifying
    @Query(value = "update event_reminders set done_at = :now where event_id = :eventId and done_at is null"
            + " and due_at <= :now and exists (select 1 from events e where e.id = :eventId"
            + " and e.starts_at = :startsAt)", nativeQuery = true)
    int settleReminders(long eventId, Instant startsAt, Instant now);

    @Query("select e from Event e join fetch e.category where e.organizer.id = :organizerId order by e.startsAt")
    List<Event> findByOrganizer(long organizerId);

    @Query("select e from Event e join fetch e.category where e.status = "
            + "org.guichet.event.EventStatus.PUBLISHED and e.visibility = org.guichet.event.Visibility.PUBLIC "
            + "and e.endsAt > :now order by e.startsAt, e.id")
    List<Event> findNextPublic(Instant now, Limit limit);

    /** Invited by (verified) address or through the invitation's followed link. */
    @Query("select e from Event e join fetch e.category where e.status <> org.guichet.event.EventStatus.DRAFT "
            + "and exists (select i.id from EventInvitation i where i.eventId = e.id "
            + "and (i.email = :email or i.acceptedBy = :userId)) "
            + "order by e.startsAt")
    List<Event> findInvitedBy(String email, long userId);

    @Query("select e from Event e join fetch e.category where e.id in :ids")
    List<Event> findWithCategoryByIdIn(Collection<Long> ids);

    boolean existsByCategoryId(long categoryId);
}
