package org.guichet.payment;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A gateway event already handled; the unique (gateway, event id) makes a replay change nothing. */
@Entity
@Table(name = "gateway_events")
class GatewayEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String gateway;

    private String eventId;

    private String type;

    private Instant receivedAt;

    private String transactionRef;

    protected GatewayEvent() {
    }

    GatewayEvent(String gateway, String eventId, String type, String transactionRef, Instant receivedAt) {
        this.gateway = gateway;
        this.eventId = eventId;
        this.type = type;
        this.transactionRef = transactionRef;
        this.receivedAt = receivedAt;
    }
}
