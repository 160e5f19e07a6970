package org.guichet.registration;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One person waiting for a seat; OFFERED while a freed seat is held for them. */
@Entity
@Table(name = "waiting_list_entries")
public class WaitingListEntry {

    public enum Status { WAITING, OFFERED, CLAIMED, EXPIRED, LEFT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long eventId;

    private Long userId;

    @Enumerated(EnumType.STRING)
    private Status status;

    private Long ticketTypeId;

    private Long wantedTypeId;

    private Instant createdAt;

    private Instant offeredAt;

    private Instant offerExpiresAt;

    @Version
    private long version;

    protected WaitingListEntry() {
    }

    WaitingListEntry(long eventId, long userId, Long wantedTypeId, Instant now) {
        this.eventId = eventId;
        this.userId = userId;
        this.wantedTypeId = wantedTypeId;
        this.status = Status.WAITING;
        this.createdAt = now;
    }

    /** A freed seat is held for this person now. */
    public boolean isOffered() {
        return status == Status.OFFERED;
    }

    /** Still in the queue, nothing offered yet. */
    public boolean isWaiting() {
        return status == Status.WAITING;
    }

    public Long getId() {
        return id;
    }

    public Long getEventId() {
        return eventId;
    }

    public Long getUserId() {
        return userId;
    }

    public Status getStatus() {
        return status;
    }

    public Long getTicketTypeId() {
        return ticketTypeId;
    }

    public Long getWantedTypeId() {
        return wantedTypeId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getOfferExpiresAt() {
        return offerExpiresAt;
    }
}
