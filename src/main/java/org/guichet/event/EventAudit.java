package org.guichet.event;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change made to an event: who, what, when. */
@Entity
@Table(name = "event_audit")
class EventAudit {

    enum Action { CREATED, UPDATED, PUBLISHED, CANCELLED, DELETED, DUPLICATED_FROM, PRIVATE_LINK_RENEWED, INVITED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long eventId;

    private Long actorId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Action action;

    private Instant at;

    protected EventAudit() {
    }

    EventAudit(long eventId, Long actorId, Action action, Instant at) {
        this.eventId = eventId;
        this.actorId = actorId;
        this.action = action;
        this.at = at;
    }

    Action action() {
        return action;
    }
}
