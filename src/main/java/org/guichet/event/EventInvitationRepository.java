package org.guichet.event;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface EventInvitationRepository extends JpaRepository<EventInvitation, Long> {

    boolean existsByEventIdAndEmail(long eventId, String email);

    /** Invited by address (the caller has checked the address is verified) or through the followed link. */
    @Query("select count(i) > 0 from EventInvitation i "
            + "where i.eventId = :eventId and (i.email = :email or i.acceptedBy = :userId)")
    boolean invites(long eventId, String email, long userId);

    /** Locked: two accounts following the same link one after the other, only the first gets it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<EventInvitation> findByTokenHash(String tokenHash);

    List<EventInvitation> findByEventIdOrderByCreatedAtDesc(long eventId);
}
