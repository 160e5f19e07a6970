package org.guichet.registration;

import java.math.BigDecimal;
import org.guichet.shared.Refusal;
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
    static final BigDecimal MAX_PRICE = new BigDecimal("99999999.99");
    static final int MAX_PER_ORDER = 50;
    static final int MAX_QUANTITY = 1_000_000;

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

    /** A new type as the organizer describes it, refused as {@link #change} refuses. */
    static TicketType of(long eventId, TicketTypeDetails details, int position) {
        check(details, 0);
        TicketType type = new TicketType(eventId, details.name().strip(), details.price(), details.quantity(),
                details.maxPerOrder(), position);
        type.change(details);
        return type;
    }

    /** A sale window ends by the event's start at the latest: nobody buys a ticket for what has begun. */
    static void checkWindow(TicketTypeDetails details, Instant eventStart) {
        if (details.saleEndsAt() != null && details.saleEndsAt().isAfter(eventStart)) {
            throw Refusal.at("saleEndsAt", "ticketType.error.endsAfterStart");
        }
    }

    /** The same type for another event, with every setting and nothing sold. */
    TicketType copyFor(long otherEventId) {
        TicketType copy = new TicketType(otherEventId, name, price, quantity, maxPerOrder, position);
        copy.saleStartsAt = saleStartsAt;
        copy.saleEndsAt = saleEndsAt;
        copy.closed = closed;
        return copy;
    }

    /** New settings; the quantity never goes below what is sold. */
    void change(TicketTypeDetails details) {
        check(details, sold);
        this.name = details.name().strip();
        this.price = details.price();
        this.quantity = details.quantity();
        this.maxPerOrder = details.maxPerOrder();
        this.saleStartsAt = details.saleStartsAt();
        this.saleEndsAt = details.saleEndsAt();
    }

    public boolean canClose() {
        return !closed;
    }

    void close() {
        if (!canClose()) {
            throw new Refusal("ticketType.error.alreadyClosed");
        }
        closed = true;
    }

    public boolean canReopen() {
        return closed;
    }

    void reopen() {
        if (!canReopen()) {
            throw new Refusal("ticketType.error.notClosed");
        }
        closed = false;
    }

    /** A type nobody bought can go, unless it is the last of its event's {@code typesOfEvent}; else only closed. */
    public boolean canRemove(int typesOfEvent) {
        return removalRefusal(typesOfEvent) == null;
    }

    /** Refuses to go unless {@link #canRemove(int)}; the caller then deletes the row. */
    void checkRemovable(int typesOfEvent) {
        String refusal = removalRefusal(typesOfEvent);
        if (refusal != null) {
            throw new Refusal(refusal);
        }
    }

    /** The event form's price (null: unchanged) and capacity, for an event with this single type. */
    void follow(BigDecimal newPrice, int newQuantity) {
        if (newPrice != null) {
            this.price = newPrice;
        }
        this.quantity = Math.max(newQuantity, sold);
    }

    /** The sold counter as the guarded updates of the repository leave it; they write it in SQL. */
    void countSold(int tickets) {
        this.sold = tickets;
    }

    private String removalRefusal(int typesOfEvent) {
        if (sold > 0) {
            return "ticketType.error.hasTickets";
        }
        return typesOfEvent <= 1 ? "ticketType.error.last" : null;
    }

    /** What was typed that the type cannot take, refused beside its field (the page shows it above the form). */
    private static void check(TicketTypeDetails details, int sold) {
        if (details.name() == null || details.name().isBlank() || details.name().strip().length() > 80) {
            throw Refusal.at("name", "ticketType.error.name");
        }
        if (details.price() == null || details.price().signum() < 0 || details.price().stripTrailingZeros().scale() > 2
                || details.price().compareTo(MAX_PRICE) > 0) {
            throw Refusal.at("price", "ticketType.error.price");
        }
        if (details.quantity() == null || details.quantity() < Math.max(1, sold) || details.quantity() > MAX_QUANTITY) {
            throw Refusal.at("quantity", "ticketType.error.quantity", Math.max(1, sold));
        }
        if (details.maxPerOrder() == null || details.maxPerOrder() < 1 || details.maxPerOrder() > MAX_PER_ORDER) {
            throw Refusal.at("maxPerOrder", "ticketType.error.maxPerOrder", MAX_PER_ORDER);
        }
        if (details.saleStartsAt() != null && details.saleEndsAt() != null
                && !details.saleEndsAt().isAfter(details.saleStartsAt())) {
            throw Refusal.at("saleEndsAt", "ticketType.error.window");
        }
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
