package org.guichet.support;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Supplier;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.EventDetails;
import org.guichet.event.EventService;
import org.guichet.event.Visibility;
import org.guichet.registration.Order;
import org.guichet.registration.ParticipantOrders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Events made through the organizer's real service calls, as the given organizer. */
@Component
public class TestEvents {

    private final EventService events;
    private final Clock clock;
    private final ParticipantOrders registrations;

    TestEvents(EventService events, Clock clock, ParticipantOrders registrations) {
        this.events = events;
        this.registrations = registrations;
        this.clock = clock;
    }

    public EventDetails details(String title, String city, String category, int inDays, String price,
            Visibility visibility) {
        Instant start = clock.instant().plus(Duration.ofDays(inDays)).plus(Duration.ofHours(1));
        return new EventDetails(title, "About " + title, category, "Salle des fêtes", "1 rue de la Paix", city,
                "France", null, start, start.plus(Duration.ofHours(3)), ZoneId.of("Europe/Paris"), 100,
                new BigDecimal(price), "EUR", visibility);
    }

    /** The same details with another number of seats. */
    public static EventDetails withCapacity(EventDetails details, int capacity) {
        return new EventDetails(details.title(), details.description(), details.categorySlug(), details.venueName(),
                details.address(), details.city(), details.country(), details.onlineUrl(), details.startsAt(),
                details.endsAt(), details.timeZone(), capacity, details.price(), details.currency(),
                details.visibility(), details.refundsUntil());
    }

    public Event draft(User organizer, EventDetails details) {
        return as(organizer, () -> events.create(AccountPrincipal.of(organizer), details, null, false));
    }

    public Event published(User organizer, EventDetails details) {
        return as(organizer, () -> events.create(AccountPrincipal.of(organizer), details, null, true));
    }

    public Event published(User organizer, String title, String city) {
        return published(organizer, details(title, city, "conference", 7, "0", Visibility.PUBLIC));
    }

    /** The buyer takes seats of one ticket type, as the register button does (paid ones stay held until paid). */
    public Order register(User buyer, long eventId, long typeId, int count) {
        return as(buyer, () -> registrations.register(AccountPrincipal.of(buyer), eventId, null, Map.of(typeId, count)).order());
    }

    public <T> T as(User user, Supplier<T> action) {
        return asPrincipal(AccountPrincipal.of(user), action);
    }

    /** Runs the action signed in as this principal, on the current thread only. */
    public <T> T asPrincipal(AccountPrincipal principal, Supplier<T> action) {
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
