package org.guichet.event;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface EventAuditRepository extends JpaRepository<EventAudit, Long> {

    List<EventAudit> findByEventIdOrderByIdAsc(long eventId);
}
