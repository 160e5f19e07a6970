package org.guichet.registration;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Something an event sells: Standard, Early bird, Student, VIP… with its own price, quantity and sale window. */
@Entity
@Table(name = "ticket_types")
public class TicketType {

    public static final int DEFAULT_MAX_PER_ORDER = 5;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long eventId;

    private String name;

    private BigDecimal price;

    private int quantity;

    private int sold;

    private int maxPerOrder;

    private Instant saleStartsAt;

    private Instant saleEndsAt;

    private boolean closed;

    private int position;

    @Version
    private long version;

    protected TicketType() {
    }

    TicketType(long eventId, String name, BigDecimal price, int quantity, int maxPerOrder, int position) {
        this.eventId = eventId;
        this.name = name;
        this.price = price;
        this.quantity = quantity;
        this.maxPerOrder = maxPerOrder;
        this.position = position;
    }

    void change(TicketTypeDetails details) {
        this.name = details.name().strip();
        this.price = details.price();
        this.quantity = details.quantity();
        this.maxPerOrder = details.maxPerOrder();
        this.saleStartsAt = details.saleStartsAt();
        this.saleEndsAt = details.saleEndsAt();
    }

    void close() {
        closed = true;
    }

    void reopen() {
        closed = false;
    }

    void follow(BigDecimal price, int quantity) {
        this.price = price;
        this.quantity = Math.max(quantity, sold);
    }

    /** On sale now: not closed, inside its window, and before the event's start unless the window says otherwise. */
    public boolean isOnSale(Instant now, Instant eventStart) {
        if (closed) {
            return false;
        }
        if (saleStartsAt != null && now.isBefore(saleStartsAt)) {
            return false;
        }
        Instant end = saleEndsAt != null ? saleEndsAt : eventStart;
        return now.isBefore(end);
    }

    public int getRemaining() {
        return Math.max(0, quantity - sold);
    }

    public boolean isFree() {
        return price.signum() == 0;
    }

    public Long getId() {
        return id;
    }

    public Long getEventId() {
        return eventId;
    }

    public String getName() {
        return name;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public int getQuantity() {
        return quantity;
    }

    public int getSold() {
        return sold;
    }

    public int getMaxPerOrder() {
        return maxPerOrder;
    }

    public Instant getSaleStartsAt() {
        return saleStartsAt;
    }

    public Instant getSaleEndsAt() {
        return saleEndsAt;
    }

    public boolean isClosed() {
        return closed;
    }

    public int getPosition() {
        return position;
    }
}
