package org.guichet.event.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.guichet.event.Event;
import org.guichet.event.EventDetails;
import org.guichet.event.MoneyInput;
import org.guichet.event.Reminder;
import org.guichet.event.Visibility;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The event form as typed: dates are wall-clock times in the chosen time zone, the price is text in the reader's
 * format (read by {@link MoneyInput}, kept as typed when the form comes back).
 */
public class EventForm {

    static final List<String> TIME_ZONES = List.of("Europe/Paris", "Europe/Brussels", "Europe/Zurich",
            "Europe/London", "Europe/Berlin", "Europe/Madrid", "Europe/Rome", "Europe/Lisbon", "Africa/Casablanca",
            "Africa/Dakar", "Africa/Abidjan", "America/Toronto", "America/New_York", "America/Los_Angeles",
            "America/Martinique", "Indian/Reunion", "Pacific/Noumea", "UTC");

    private String title;
    private String description;
    private String category;
    private String venueName;
    private String address;
    private String city;
    private String country;
    private String onlineUrl;

    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime startsAt;

    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime endsAt;

    private String timeZone = "Europe/Paris";
    private Integer capacity = 50;
    private String price = "0";
    private Integer maxPerPerson = Event.DEFAULT_MAX_PER_PERSON;
    private String currency = "EUR";
    private Visibility visibility = Visibility.PUBLIC;

    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime refundsUntil;

    /** The reminders ticked, by name; read by {@link Reminder#parse}, which refuses a name it does not know. */
    private List<String> reminders = Reminder.DEFAULT.stream().map(Reminder::name).toList();

    static EventForm of(Event event, Locale locale) {
        EventForm form = new EventForm();
        form.title = event.getTitle();
        form.description = event.getDescription();
        form.category = event.getCategory().getSlug();
        form.venueName = event.getVenueName();
        form.address = event.getAddress();
        form.city = event.getCity();
        form.country = event.getCountry();
        form.onlineUrl = event.getOnlineUrl();
        form.startsAt = event.getLocalStart().toLocalDateTime();
        form.endsAt = event.getLocalEnd().toLocalDateTime();
        form.timeZone = event.getTimeZone();
        form.capacity = event.getCapacity();
        form.price = event.getTicketTypeCount() == 1 ? MoneyInput.format(event.getLowestPrice(), locale) : null;
        form.maxPerPerson = event.getMaxPerPerson();
        form.currency = event.getCurrency();
        form.visibility = event.getVisibility();
        form.refundsUntil = event.getRefundsUntil() == null ? null
                : LocalDateTime.ofInstant(event.getRefundsUntil(), event.getZone());
        form.reminders = event.getReminders().stream().map(Reminder::name).toList();
        return form;
    }

    /**
     * The details to save with the price the caller read from {@link #getPrice()} and the reminders it read from
     * {@link #getReminders()}; a time zone that does not exist is reported by the caller before this is used.
     */
    EventDetails toDetails(BigDecimal parsedPrice, Set<Reminder> parsedReminders) {
        ZoneId zone = ZoneId.of(timeZone);
        return new EventDetails(title, description, category, venueName, address, city, country, onlineUrl,
                startsAt == null ? null : startsAt.atZone(zone).toInstant(),
                endsAt == null ? null : endsAt.atZone(zone).toInstant(), zone,
                capacity == null ? 0 : capacity, parsedPrice, currency, visibility,
                refundsUntil == null ? null : refundsUntil.atZone(zone).toInstant(),
                maxPerPerson == null ? 0 : maxPerPerson, parsedReminders);
    }

    boolean hasValidTimeZone() {
        try {
            ZoneId.of(timeZone);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getVenueName() { return venueName; }
    public void setVenueName(String venueName) { this.venueName = venueName; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getOnlineUrl() { return onlineUrl; }
    public void setOnlineUrl(String onlineUrl) { this.onlineUrl = onlineUrl; }
    public LocalDateTime getStartsAt() { return startsAt; }
    public void setStartsAt(LocalDateTime startsAt) { this.startsAt = startsAt; }
    public LocalDateTime getEndsAt() { return endsAt; }
    public void setEndsAt(LocalDateTime endsAt) { this.endsAt = endsAt; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer capacity) { this.capacity = capacity; }
    public String getPrice() { return price; }
    public void setPrice(String price) { this.price = price; }
    public Integer getMaxPerPerson() { return maxPerPerson; }
    public void setMaxPerPerson(Integer maxPerPerson) { this.maxPerPerson = maxPerPerson; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public Visibility getVisibility() { return visibility; }
    public LocalDateTime getRefundsUntil() { return refundsUntil; }
    public void setRefundsUntil(LocalDateTime refundsUntil) { this.refundsUntil = refundsUntil; }
    public void setVisibility(Visibility visibility) { this.visibility = visibility; }
    public List<String> getReminders() { return reminders; }
    public void setReminders(List<String> reminders) { this.reminders = reminders == null ? new ArrayList<>() : reminders; }
}
