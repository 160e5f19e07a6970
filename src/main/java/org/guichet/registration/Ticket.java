package org.guichet.registration;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One seat for one attendee, and the secret its QR code is signed over. */
@Entity
@Table(name = "tickets")
public class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private Order order;

    private Long eventId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_type_id")
    private TicketType type;

    private String attendeeName;

    private BigDecimal price;

    @Enumerated(EnumType.STRING)
    private TicketStatus status;

    @Enumerated(EnumType.STRING)
    private PaymentStatus paymentStatus;

    private String secret;

    private Instant checkedInAt;

    private Instant createdAt;

    @Version
    private long version;

    protected Ticket() {
    }

    Ticket(Order order, TicketType type, String attendeeName, String secret, Instant now) {
        this.order = order;
        this.eventId = order.getEventId();
        this.type = type;
        this.attendeeName = attendeeName;
        this.price = type.getPrice();
        this.secret = secret;
        this.status = TicketStatus.RESERVED;
        this.paymentStatus = type.isFree() ? PaymentStatus.FREE : PaymentStatus.PENDING;
        this.createdAt = now;
    }

    void rename(String attendeeName) {
        this.attendeeName = attendeeName.strip();
    }

    void validatePaid() {
        status = TicketStatus.VALID;
        paymentStatus = PaymentStatus.PAID;
    }

    void validateFree() {
        status = TicketStatus.VALID;
    }

    void closeForCancelledEvent(boolean refunded) {
        status = TicketStatus.CANCELLED;
        if (refunded) {
            paymentStatus = PaymentStatus.REFUNDED;
        }
    }

    void cancel() {
        status = TicketStatus.CANCELLED;
    }

    public Long getId() {
        return id;
    }

    public Order getOrder() {
        return order;
    }

    public Long getEventId() {
        return eventId;
    }

    public TicketType getType() {
        return type;
    }

    public String getAttendeeName() {
        return attendeeName;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public PaymentStatus getPaymentStatus() {
        return paymentStatus;
    }

    public String getSecret() {
        return secret;
    }

    public Instant getCheckedInAt() {
        return checkedInAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
