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

    private String attendeeEmail;

    private BigDecimal price;

    @Enumerated(EnumType.STRING)
    private TicketStatus status;

    @Enumerated(EnumType.STRING)
    private PaymentStatus paymentStatus;

    private String secret;

    private Instant checkedInAt;

    private Instant createdAt;

    /** The last change a scanning app's check-in list must hear of (see {@link #changed(Instant)}). */
    private Instant changedAt;

    @Version
    private long version;

    protected Ticket() {
    }

    Ticket(Order order, TicketType type, String attendeeName, String secret, Instant now) {
        this(order, type, attendeeName, null, secret, now);
    }

    /** A ticket for someone with their own address ({@code attendeeEmail}, already checked; null for none). */
    Ticket(Order order, TicketType type, String attendeeName, String attendeeEmail, String secret, Instant now) {
        this.order = order;
        this.eventId = order.getEventId();
        this.type = type;
        this.attendeeName = attendeeName;
        this.attendeeEmail = AttendeeDetails.normalEmail(attendeeEmail);
        this.price = type.getPrice();
        this.secret = secret;
        this.status = TicketStatus.RESERVED;
        this.paymentStatus = type.isFree() ? PaymentStatus.FREE : PaymentStatus.PENDING;
        this.createdAt = now;
        this.changedAt = now;
    }

    /**
     * Stamps a change the door must hear of (status, payment, holder's name), by whoever made it with {@code now};
     * check-ins and their undoing stamp it in their own update.
     */
    void changed(Instant now) {
        this.changedAt = now;
    }

    void rename(String attendeeName) {
        this.attendeeName = attendeeName.strip();
    }

    /**
     * The attendee's own address (already checked; blank for none); true when it is a new one (compared without
     * regard to case), so its owner has not had this ticket yet.
     */
    boolean readdress(String email) {
        String normal = AttendeeDetails.normalEmail(email);
        boolean changed = normal != null && !normal.equals(attendeeEmail);
        this.attendeeEmail = normal;
        return changed;
    }

    /** It goes to someone other than the buyer, at an address of their own: they get it by mail too. */
    public boolean hasOwnAddress(String buyerEmail) {
        return attendeeEmail != null && !attendeeEmail.equalsIgnoreCase(buyerEmail == null ? "" : buyerEmail.strip());
    }

    /** The order's payment arrived (even after its hold ran out, once its seat was taken again): it gets its holder in. */
    void validatePaid() {
        if (status == TicketStatus.VALID || paymentStatus != PaymentStatus.PENDING) {
            throw new IllegalStateException("ticket " + id + " is not a reserved, unpaid one: " + status + "/" + paymentStatus);
        }
        status = TicketStatus.VALID;
        paymentStatus = PaymentStatus.PAID;
    }

    /** A free ticket gets its holder in at once; a ticket with a price never does without its payment. */
    void validateFree() {
        if (status != TicketStatus.RESERVED || paymentStatus != PaymentStatus.FREE) {
            throw new IllegalStateException("ticket " + id + " is not a reserved, free one: " + status + "/" + paymentStatus);
        }
        status = TicketStatus.VALID;
    }

    /** No longer gets anyone in; a paid ticket keeps its payment status (its money is kept or refunded apart). */
    void cancel() {
        if (status == TicketStatus.CANCELLED) {
            throw new IllegalStateException("ticket " + id + " is already cancelled");
        }
        status = TicketStatus.CANCELLED;
    }

    /** Its payment goes back: it no longer gets anyone in. */
    void refund() {
        if (paymentStatus != PaymentStatus.PAID) {
            throw new IllegalStateException("ticket " + id + " was not paid: " + paymentStatus);
        }
        status = TicketStatus.CANCELLED;
        paymentStatus = PaymentStatus.REFUNDED;
    }

    /** Still valid: not cancelled, refunded or waiting for its payment. */
    public boolean isValid() {
        return status == TicketStatus.VALID;
    }

    /** The door may let it in now: it admits its holder and has not been used. */
    public boolean canCheckIn() {
        return admits() && checkedInAt == null;
    }

    /** Its holder may still name who uses it: valid, until the event starts. */
    public boolean isRenamable(Instant now, Instant eventStart) {
        return isValid() && now.isBefore(eventStart);
    }

    /** Gets its holder in now: valid, and free or paid. */
    public boolean admits() {
        return status == TicketStatus.VALID
                && (paymentStatus == PaymentStatus.FREE || paymentStatus == PaymentStatus.PAID);
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

    /** The attendee's own address, if the buyer gave one (lower case); null otherwise. */
    public String getAttendeeEmail() {
        return attendeeEmail;
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

    public Instant getChangedAt() {
        return changedAt;
    }
}
