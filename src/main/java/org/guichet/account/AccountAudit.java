package org.guichet.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change an administrator made to an account: who, what, when. */
@Entity
@Table(name = "account_audit")
public class AccountAudit {

    public enum Action {
        DISABLED, ENABLED, ORGANIZER_GRANTED, ORGANIZER_REMOVED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long userId;

    private Long actorId;

    @Enumerated(EnumType.STRING)
    private Action action;

    private Instant at;

    protected AccountAudit() {
    }

    AccountAudit(long userId, Long actorId, Action action, Instant at) {
        this.userId = userId;
        this.actorId = actorId;
        this.action = action;
        this.at = at;
    }

    public Long getActorId() {
        return actorId;
    }

    public Action getAction() {
        return action;
    }

    public Instant getAt() {
        return at;
    }
}
