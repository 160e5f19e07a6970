package org.guichet.registration;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface WaitingListRepository extends JpaRepository<WaitingListEntry, Long> {

    /** Who may take a freed seat of this type, first come first: people waiting for it, or for any seat. */
    @Query("select w.id from WaitingListEntry w where w.eventId = :eventId and w.status = "
            + "org.guichet.registration.WaitingListEntry.Status.WAITING "
            + "and (w.wantedTypeId is null or w.wantedTypeId = :typeId) order by w.createdAt, w.id")
    List<Long> findQueue(long eventId, long typeId, Limit limit);

    /** Gives the held seat to this person if they are still waiting: 0 rows means someone else got there first. */
    @Modifying(flushAutomatically = true)
    @Query("update WaitingListEntry w set w.status = org.guichet.registration.WaitingListEntry.Status.OFFERED, "
            + "w.ticketTypeId = :typeId, w.offeredAt = :now, w.offerExpiresAt = :expiresAt, w.version = w.version + 1 "
            + "where w.id = :id and w.status = org.guichet.registration.WaitingListEntry.Status.WAITING")
    int offer(long id, long typeId, Instant now, Instant expiresAt);

    /** Moves an offer on (claimed, expired): 0 rows means it had already moved. */
    @Modifying(flushAutomatically = true)
    @Query("update WaitingListEntry w set w.status = :to, w.version = w.version + 1 "
            + "where w.id = :id and w.status = org.guichet.registration.WaitingListEntry.Status.OFFERED")
    int endOffer(long id, WaitingListEntry.Status to);

    @Query("select w.id from WaitingListEntry w where w.status = "
            + "org.guichet.registration.WaitingListEntry.Status.OFFERED and w.offerExpiresAt <= :now")
    List<Long> findExpiredOffers(Instant now);

    Optional<WaitingListEntry> findFirstByEventIdAndUserIdAndStatusIn(long eventId, long userId,
            Collection<WaitingListEntry.Status> statuses);

    long countByEventIdAndStatus(long eventId, WaitingListEntry.Status status);

    @Query("select count(w) from WaitingListEntry w where w.eventId = :eventId and w.status = "
            + "org.guichet.registration.WaitingListEntry.Status.WAITING and (w.createdAt < :createdAt "
            + "or (w.createdAt = :createdAt and w.id < :id))")
    long countAhead(long eventId, Instant createdAt, long id);
}
