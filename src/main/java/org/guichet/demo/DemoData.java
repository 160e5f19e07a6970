package org.guichet.demo;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.Role;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.event.DemoEvents;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.registration.ParticipantOrders;
import org.guichet.registration.TicketTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data for the default run, written on the first start only (when no account exists yet). Off in
 * {@code prod} and in tests. The demo password is public: it is in the README and in the log.
 */
@Component
@ConditionalOnProperty(name = "guichet.demo.seed", havingValue = "true")
class DemoData {

    static final String PASSWORD = "guichet-demo";
    private static final int DEMO_REGISTRATIONS = 2;
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final DemoEvents events;
    private final EventService eventService;
    private final TicketTypes ticketTypes;
    private final ParticipantOrders registrations;
    private final DemoAudience audience;
    private final Clock clock;

    DemoData(UserRepository users, PasswordEncoder passwordEncoder, DemoEvents events, EventService eventService,
            TicketTypes ticketTypes, ParticipantOrders registrations, DemoAudience audience, Clock clock) {
        this.audience = audience;
        this.events = events;
        this.eventService = eventService;
        this.ticketTypes = ticketTypes;
        this.registrations = registrations;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** The demo participant holds tickets for the first free events, as if they had registered. */
    private int registerForFreeEvents(User participant) {
        int registered = 0;
        for (Event event : eventService.upcoming(DEMO_REGISTRATIONS * 3)) {
            if (registered < DEMO_REGISTRATIONS && event.isFree()) {
                long type = ticketTypes.of(event.getId()).get(0).getId();
                ActingAs.as(participant, () -> registrations.register(AccountPrincipal.of(participant), event.getId(),
                        null, Map.of(type, 1)));
                registered++;
            }
        }
        return registered;
    }

    /** Before the configured administrator is made, so that an account it adds does not stop the seeding. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    @Transactional
    public void seedOnFirstStart() {
        if (users.count() == 0) {
            String hash = passwordEncoder.encode(PASSWORD);
            User organizer = users.save(verified(new User("organizer@example.com", hash, "Olivia", "Martin",
                    Locale.FRENCH, EnumSet.of(Role.ORGANIZER), clock.instant())));
            users.save(verified(new User("participant@example.com", hash, "Paul", "Durand", Locale.ENGLISH,
                    EnumSet.noneOf(Role.class), clock.instant())));
            users.save(verified(new User("admin@example.com", hash, "Ada", "Admin", Locale.ENGLISH,
                    EnumSet.of(Role.ADMIN, Role.ORGANIZER), clock.instant())));
            int written = events.seed(organizer);
            User participant = users.findByEmail("participant@example.com").orElseThrow();
            int registered = registerForFreeEvents(participant);
            int crowd = audience.fill(organizer, hash);
            log.info("Demo data written on first start: 3 accounts, {} events, {} registrations, and {} orders from"
                    + " {} demo attendees.", written, registered, crowd, 12);
        }
        log.info("Demo accounts (password '{}'): organizer@example.com, participant@example.com, admin@example.com",
                PASSWORD);
    }

    /** Demo accounts' addresses are taken as proved: they can register and organise from the first start. */
    private User verified(User user) {
        user.verifyEmail(clock.instant());
        return user;
    }
}
