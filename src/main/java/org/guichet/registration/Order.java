package org.guichet.registration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One person's registration for one event: a readable reference, a status, a total, and its tickets. */
@Entity
@Table(name = "orders")
public class Order {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String reference;

    private Long userId;

    private Long eventId;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    private BigDecimal total;

    private String currency;

    private String language;

    private Instant createdAt;

    private Instant confirmedAt;

    private Instant cancelledAt;

    private Instant holdExpiresAt;

    private String gateway;

    private String checkoutSession;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Ticket> tickets = new ArrayList<>();

    @Version
    private long version;

    protected Order() {
    }

    Order(String reference, long userId, long eventId, String currency, Locale language, Instant now) {
        this.reference = reference;
        this.userId = userId;
        this.eventId = eventId;
        this.currency = currency;
        this.language = language.getLanguage();
        this.status = OrderStatus.PENDING_PAYMENT;
        this.total = BigDecimal.ZERO;
        this.createdAt = now;
    }

    void add(Ticket ticket) {
        tickets.add(ticket);
        total = total.add(ticket.getPrice());
    }

    /** Free orders are confirmed at once; their tickets get their holders in. */
    void confirmFree(Instant now) {
        status = OrderStatus.CONFIRMED;
        confirmedAt = now;
        tickets.forEach(Ticket::validateFree);
    }

    void hold(Instant until) {
        holdExpiresAt = until;
    }

    /** The gateway confirmed the payment: the tickets get their holders in. */
    void confirmPaid(Instant now) {
        status = OrderStatus.CONFIRMED;
        confirmedAt = now;
        tickets.forEach(Ticket::validatePaid);
    }

    /** The hold ran out unpaid: the seats went back on sale. */
    void expire(Instant now) {
        status = OrderStatus.EXPIRED;
        cancelledAt = now;
        tickets.forEach(Ticket::cancel);
    }

    /** The event was cancelled: the order ends, refunded when it had been paid. */
    void closeForCancelledEvent(boolean refunded, Instant now) {
        status = refunded ? OrderStatus.REFUNDED : OrderStatus.CANCELLED;
        cancelledAt = now;
        tickets.forEach(ticket -> ticket.closeForCancelledEvent(refunded));
    }

    void checkoutWith(String gateway, String session) {
        this.gateway = gateway;
        this.checkoutSession = session;
    }

    void cancel(Instant now) {
        status = OrderStatus.CANCELLED;
        cancelledAt = now;
        tickets.forEach(Ticket::cancel);
    }

    public boolean isFree() {
        return total.signum() == 0;
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public Long getUserId() {
        return userId;
    }

    public Long getEventId() {
        return eventId;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public String getCurrency() {
        return currency;
    }

    public Locale getLanguage() {
        return Locale.forLanguageTag(language);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public Instant getHoldExpiresAt() {
        return holdExpiresAt;
    }

    public String getGateway() {
        return gateway;
    }

    public String getCheckoutSession() {
        return checkoutSession;
    }

    public List<Ticket> getTickets() {
        return List.copyOf(tickets);
    }
}
