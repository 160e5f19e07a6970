package org.guichet.registration;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change of an order's (and its tickets') state. */
@Entity
@Table(name = "registration_audit")
class RegistrationAudit {

    enum Action { REGISTERED, CONFIRMED, CANCELLED, EXPIRED, REFUNDED, CHECKED_IN, CHECK_IN_UNDONE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long orderId;

    private Long actorId;

    @Enumerated(EnumType.STRING)
    private Action action;

    private Instant at;

    protected RegistrationAudit() {
    }

    RegistrationAudit(long orderId, Long actorId, Action action, Instant at) {
        this.orderId = orderId;
        this.actorId = actorId;
        this.action = action;
        this.at = at;
    }

    Action action() {
        return action;
    }
}
