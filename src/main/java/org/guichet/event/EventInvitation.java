package org.guichet.event;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.guichet.shared.Refusal;

/**
 * An address invited to a private event: the verified account with that address may see it, and so may the one
 * account that followed the invitation's personal link (only the SHA-256 of its secret is kept).
 */
@Entity
@Table(name = "event_invitations")
public class EventInvitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long eventId;

    private String email;

    private Instant createdAt;

    private String tokenHash;

    private Long acceptedBy;

    private Instant acceptedAt;

    protected EventInvitation() {
    }

    EventInvitation(long eventId, String email, String tokenHash, Instant createdAt) {
        this.eventId = eventId;
        this.email = email;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
    }

    /**
     * The personal link, followed by a signed-in account: the invitation is that account's from then on. Following
     * it again from the same account changes nothing; from any other it is refused.
     */
    void accept(long userId, Instant at) {
        if (acceptedBy != null && acceptedBy != userId) {
            throw new Refusal("event.invitation.linkUsed");
        }
        if (acceptedBy == null) {
            this.acceptedBy = userId;
            this.acceptedAt = at;
        }
    }

    long eventId() {
        return eventId;
    }

    public boolean isAccepted() {
        return acceptedBy != null;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
