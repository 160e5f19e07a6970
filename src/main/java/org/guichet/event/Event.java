package org.guichet.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

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

    private BigDecimal price;

    private String currency;

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
    }

    void apply(EventDetails details, Category category, String descriptionHtml, Instant now) {
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
        this.price = details.price();
        this.currency = details.currency();
        this.visibility = details.visibility();
        this.refundsUntil = details.refundsUntil();
        this.searchText = Texts.searchable(String.join(" ", title, description, nullToEmpty(venueName),
                nullToEmpty(city)));
        this.updatedAt = now;
    }

    void changeImages(String cardKey, String bannerKey) {
        this.cardImageKey = cardKey;
        this.bannerImageKey = bannerKey;
    }

    void publish(Instant now) {
        status = EventStatus.PUBLISHED;
        publishedAt = now;
        updatedAt = now;
    }

    void cancel(Instant now) {
        status = EventStatus.CANCELLED;
        updatedAt = now;
    }

    void changePrivateToken(String token, Instant now) {
        privateToken = token;
        updatedAt = now;
    }

    public boolean isOrganizedBy(long userId) {
        return organizer.getId() == userId;
    }

    public boolean isOver(Instant now) {
        return !endsAt.isAfter(now);
    }

    public boolean hasStarted(Instant now) {
        return !startsAt.isAfter(now);
    }

    public boolean isFree() {
        return price.signum() == 0;
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

    public BigDecimal getPrice() {
        return price;
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
