package org.guichet.event;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface EventInvitationRepository extends JpaRepository<EventInvitation, Long> {

    boolean existsByEventIdAndEmail(long eventId, String email);

    List<EventInvitation> findByEventIdOrderByCreatedAtDesc(long eventId);
}
