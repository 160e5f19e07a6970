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

    enum Action {
        CREATED, UPDATED, PUBLISHED, CANCELLED, DELETED, DUPLICATED_FROM, PRIVATE_LINK_RENEWED, INVITED,
        /** The organizer wrote to the event's ticket holders: the detail says to whom, how many and the subject. */
        MESSAGED_ATTENDEES
    }

    static final int MAX_DETAIL = 400;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long eventId;

    private Long actorId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Action action;

    private Instant at;

    private String detail;

    protected EventAudit() {
    }

    EventAudit(long eventId, Long actorId, Action action, Instant at) {
        this.eventId = eventId;
        this.actorId = actorId;
        this.action = action;
        this.at = at;
    }

    EventAudit(long eventId, Long actorId, Action action, Instant at, String detail) {
        this(eventId, actorId, action, at);
        this.detail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }

    Action action() {
        return action;
    }

    String detail() {
        return detail;
    }
}
