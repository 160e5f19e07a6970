package org.guichet.event;

import java.math.BigDecimal;
import org.guichet.shared.Refusal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
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

import org.guichet.account.User;
import org.hibernate.annotations.Formula;

@Entity
@Table(name = "events")
public class Event {

    public static final int DEFAULT_MAX_PER_PERSON = 10;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organizer_id")
    private User organizer;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id")
    private Category category;

    private String title;

    private String description;

    private String descriptionHtml;

    private String searchText;

    private String cardImageKey;

    private String bannerImageKey;

    private String venueName;

    private String address;

    private String city;

    private String cityKey;

    private String country;

    private String onlineUrl;

    private Instant startsAt;

    private Instant endsAt;

    private String timeZone;

    private int capacity;

    private int seatsTaken;

    private String currency;

    /** The ticket types own the prices; these are read with the event, in the same statement. */
    @Formula("(select min(t.price) from ticket_types t where t.event_id = id)")
    private BigDecimal lowestPrice;

    @Formula("(select max(t.price) from ticket_types t where t.event_id = id)")
    private BigDecimal highestPrice;

    @Formula("(select count(*) from ticket_types t where t.event_id = id)")
    private int ticketTypeCount;

    @Enumerated(EnumType.STRING)
    private Visibility visibility;

    @Enumerated(EnumType.STRING)
    private EventStatus status;

    private String privateToken;

    private Instant createdAt;

    private Instant updatedAt;

    private Instant publishedAt;

    private Instant refundsUntil;

    private int maxPerPerson = DEFAULT_MAX_PER_PERSON;

    /** The revision of its calendar entry: one more at each change of when or where, and at its cancellation. */
    private int calendarSequence;

    /** Read with the event by {@code EventRepository.findWithDetails}; lazy everywhere else (listings never ask). */
    @ElementCollection
    @CollectionTable(name = "event_reminders", joinColumns = @JoinColumn(name = "event_id"))
    private List<EventReminder> reminders = new ArrayList<>();

    @Version
    private long version;

    protected Event() {
    }

    Event(User organizer, EventDetails details, Category category, String descriptionHtml, String privateToken,
            Instant now) {
        this.organizer = organizer;
        this.status = EventStatus.DRAFT;
        this.privateToken = privateToken;
        this.createdAt = now;
        apply(details, category, descriptionHtml, now);
        if (details.reminders() == null) {
            remindAt(Reminder.DEFAULT, now);
        }
        if (details.price() != null) {
            pricedByOneType(details.price());
        }
    }

    /**
     * What its ticket types say once the listener of {@link EventCreated} or {@link EventPriceOrCapacityChanged}
     * has written them: a single type at this price (the columns are read-only, this keeps the loaded event true).
     */
    void pricedByOneType(BigDecimal price) {
        this.lowestPrice = price;
        this.highestPrice = price;
        this.ticketTypeCount = 1;
    }

    /** What the copied types say once the listener of {@link EventDuplicated} has written them. */
    void pricedLike(Event source) {
        this.lowestPrice = source.lowestPrice;
        this.highestPrice = source.highestPrice;
        this.ticketTypeCount = source.ticketTypeCount;
    }

    void apply(EventDetails details, Category category, String descriptionHtml, Instant now) {
        Instant previousStart = this.startsAt;
        WhenAndWhere before = previousStart == null ? null : whenAndWhere();
        this.title = details.title().strip();
        this.description = details.description() == null ? "" : details.description();
        this.descriptionHtml = descriptionHtml;
        this.category = category;
        this.venueName = blankToNull(details.venueName());
        this.address = blankToNull(details.address());
        this.city = blankToNull(details.city());
        this.cityKey = city == null ? null : Texts.searchable(city);
        this.country = blankToNull(details.country());
        this.onlineUrl = blankToNull(details.onlineUrl());
        this.timeZone = details.timeZone().getId();
        this.startsAt = details.startsAt();
        this.endsAt = details.endsAt();
        this.capacity = details.capacity();
        this.maxPerPerson = details.maxPerPerson();
        this.currency = details.currency();
        this.visibility = details.visibility();
        this.refundsUntil = details.refundsUntil();
        this.searchText = Texts.searchable(String.join(" ", title, description, nullToEmpty(venueName),
                nullToEmpty(city)));
        this.updatedAt = now;
        if (previousStart != null && !previousStart.equals(startsAt)) {
            rescheduleReminders(now);
        }
        if (before != null && before.differsFrom(whenAndWhere())) {
            calendarSequence++;
        }
        if (details.reminders() != null) {
            remindAt(details.reminders(), now);
        }
    }

    /**
     * Chooses when ticket holders are reminded. A reminder kept stays as it was (sent or not); one added is sent at its
     * time before the start, unless that time has already passed: then it is never sent, so choosing "a week
     * before" three days before the event does not mail everyone at once.
     */
    void remindAt(Set<Reminder> chosen, Instant now) {
        reminders.removeIf(reminder -> !chosen.contains(reminder.reminder()));
        Set<Reminder> kept = getReminders();
        for (Reminder reminder : chosen) {
            if (!kept.contains(reminder)) {
                reminders.add(EventReminder.armed(reminder, startsAt, now));
            }
        }
    }

    /** The start moved: every reminder is due anew before the new start, except those whose time is already past. */
    private void rescheduleReminders(Instant now) {
        reminders.replaceAll(reminder -> EventReminder.armed(reminder.reminder(), startsAt, now));
    }

    /** The reminders chosen for it, from the closest to the start. */
    public Set<Reminder> getReminders() {
        Set<Reminder> chosen = EnumSet.noneOf(Reminder.class);
        reminders.forEach(reminder -> chosen.add(reminder.reminder()));
        return chosen;
    }

    /**
     * The reminder its ticket holders get now, if any: the event is published and has not started, and a reminder's
     * time has come that has not been sent. When several are due at once (the application was down, or the start
     * moved) only the closest to the start is sent, and the others are done with it (see
     * {@code EventRepository.settleReminders}): nobody gets "a week before" on the eve of the event.
     */
    public Optional<Reminder> reminderDue(Instant now) {
        if (status != EventStatus.PUBLISHED || hasStarted(now)) {
            return Optional.empty();
        }
        return reminders.stream().filter(reminder -> reminder.isDue(now)).map(EventReminder::reminder).sorted()
                .findFirst();
    }

    /** Marks every reminder due by now as done, as {@code EventRepository.settleReminders} does in SQL. */
    void settleReminders(Instant now) {
        for (int i = 0; i < reminders.size(); i++) {
            if (reminders.get(i).isDue(now)) {
                reminders.set(i, reminders.get(i).doneAt(now));
            }
        }
    }

    /** When and where it takes place, as ticket holders are told. */
    public WhenAndWhere whenAndWhere() {
        return WhenAndWhere.of(this);
    }

    void changeImages(String cardKey, String bannerKey) {
        this.cardImageKey = cardKey;
        this.bannerImageKey = bannerKey;
    }

    /** A draft that has not started yet can be published; nothing else can. */
    public boolean canPublish(Instant now) {
        return publishRefusal(now) == null;
    }

    void publish(Instant now) {
        String refusal = publishRefusal(now);
        if (refusal != null) {
            throw new Refusal(refusal);
        }
        status = EventStatus.PUBLISHED;
        publishedAt = now;
        updatedAt = now;
        // reminders whose time passed while it was a draft are not sent: its first buyers just got their tickets
        settleReminders(now);
    }

    /** An event that is neither cancelled nor over can be cancelled (a draft too: it will never be published). */
    public boolean canCancel(Instant now) {
        return cancelRefusal(now) == null;
    }

    void cancel(Instant now) {
        String refusal = cancelRefusal(now);
        if (refusal != null) {
            throw new Refusal(refusal);
        }
        status = EventStatus.CANCELLED;
        calendarSequence++;
        updatedAt = now;
    }

    /**
     * An event nobody holds a seat of can be deleted, unless another module keeps it ({@code keptElsewhere}:
     * registration keeps one that has ever had tickets); otherwise it can only be cancelled.
     */
    public boolean canDelete(boolean keptElsewhere) {
        return seatsTaken == 0 && !keptElsewhere;
    }

    /** Refuses to go unless {@link #canDelete(boolean)}; the caller then removes the row. */
    void checkDeletable(boolean keptElsewhere) {
        if (!canDelete(keptElsewhere)) {
            throw new Refusal("event.error.deleteWithTickets");
        }
    }

    /** The seat counter as the guarded updates of {@link EventSeats} leave it; they write it in SQL. */
    void countSeatsTaken(int seats) {
        this.seatsTaken = seats;
    }

    private String publishRefusal(Instant now) {
        if (status != EventStatus.DRAFT) {
            return "event.error.notADraft";
        }
        return hasStarted(now) ? "event.error.publishPast" : null;
    }

    private String cancelRefusal(Instant now) {
        if (status == EventStatus.CANCELLED) {
            return "event.error.alreadyCancelled";
        }
        return isOver(now) ? "event.error.cancelPast" : null;
    }

    void changePrivateToken(String token, Instant now) {
        privateToken = token;
        updatedAt = now;
    }

    public boolean isOrganizedBy(long userId) {
        return organizer.getId() == userId;
    }

    /** Public and out of draft (published or cancelled): anyone may see its page and its pictures. */
    public boolean isOpenToEveryone() {
        return status != EventStatus.DRAFT && visibility == Visibility.PUBLIC;
    }

    public boolean isOver(Instant now) {
        return !endsAt.isAfter(now);
    }

    public boolean hasStarted(Instant now) {
        return !startsAt.isAfter(now);
    }

    /** Free when every ticket type is (an event without types sells nothing, so nothing to pay either). */
    public boolean isFree() {
        return highestPrice == null || highestPrice.signum() == 0;
    }

    /** The lowest price of its ticket types, zero when it has none. */
    public BigDecimal getLowestPrice() {
        return lowestPrice == null ? BigDecimal.ZERO : lowestPrice;
    }

    /** The highest price of its ticket types, zero when it has none. */
    public BigDecimal getHighestPrice() {
        return highestPrice == null ? BigDecimal.ZERO : highestPrice;
    }

    /** Whether its ticket types sell at different prices ("from €12.50"). */
    public boolean hasVariedPrices() {
        return lowestPrice != null && highestPrice != null && lowestPrice.compareTo(highestPrice) != 0;
    }

    /** Its ticket types, as counted when it was loaded: with exactly one, the event form edits that type's price. */
    public int getTicketTypeCount() {
        return ticketTypeCount;
    }

    public boolean isSoldOut() {
        return seatsTaken >= capacity;
    }

    public int getSeatsLeft() {
        return Math.max(0, capacity - seatsTaken);
    }

    public ZonedDateTime getLocalStart() {
        return startsAt.atZone(getZone());
    }

    public ZonedDateTime getLocalEnd() {
        return endsAt.atZone(getZone());
    }

    public ZoneId getZone() {
        return ZoneId.of(timeZone);
    }

    /**
     * The SEQUENCE of its calendar file (RFC 5545): 0 as created, one more each time its time, place or online link
     * changed and when it was cancelled, the same otherwise; with its stable UID, calendar apps update the entry
     * they have.
     */
    public int getCalendarSequence() {
        return calendarSequence;
    }

    public String getSlug() {
        return Texts.slug(title);
    }

    public Long getId() {
        return id;
    }

    public User getOrganizer() {
        return organizer;
    }

    public Category getCategory() {
        return category;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getDescriptionHtml() {
        return descriptionHtml;
    }

    public String getCardImageKey() {
        return cardImageKey;
    }

    public String getBannerImageKey() {
        return bannerImageKey;
    }

    public String getVenueName() {
        return venueName;
    }

    public String getAddress() {
        return address;
    }

    public String getCity() {
        return city;
    }

    public String getCountry() {
        return country;
    }

    public String getOnlineUrl() {
        return onlineUrl;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public int getCapacity() {
        return capacity;
    }

    public int getSeatsTaken() {
        return seatsTaken;
    }

    public String getCurrency() {
        return currency;
    }

    public Visibility getVisibility() {
        return visibility;
    }

    public EventStatus getStatus() {
        return status;
    }

    public String getPrivateToken() {
        return privateToken;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getRefundsUntil() {
        return refundsUntil;
    }

    /** Paid tickets can be cancelled for a refund until the event's deadline, never once it has passed. */
    public boolean refundsAllowed(Instant now) {
        return refundsUntil != null && now.isBefore(refundsUntil) && now.isBefore(startsAt);
    }

    /** How many tickets one person may hold for this event, over all their live orders. */
    public int getMaxPerPerson() {
        return maxPerPerson;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
