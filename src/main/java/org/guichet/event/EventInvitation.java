package org.guichet.event;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An address invited to a private event: the account with that address may see it. */
@Entity
@Table(name = "event_invitations")
public class EventInvitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long eventId;

    private String email;

    private Instant createdAt;

    protected EventInvitation() {
    }

    EventInvitation(long eventId, String email, Instant createdAt) {
        this.eventId = eventId;
        this.email = email;
        this.createdAt = createdAt;
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
