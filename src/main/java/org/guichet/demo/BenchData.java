package org.guichet.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.Role;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.event.Event;
import org.guichet.event.EventDetails;
import org.guichet.event.EventService;
import org.guichet.event.Visibility;
import org.guichet.registration.TicketTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The load benchmark's data ({@code scripts/bench.sh}), written through the organizer's own service on an empty
 * database when {@code guichet.bench.seed=true}, never otherwise: a listing of public published upcoming events,
 * one free flash-sale event and verified buyers sharing a password made for this run. Its ids and that password
 * go to {@code guichet.bench.output}, written last, so its presence means the data is complete.
 */
@Component
@ConditionalOnProperty(name = "guichet.bench.seed", havingValue = "true")
@EnableConfigurationProperties(BenchSettings.class)
class BenchData {

    static final String ORGANIZER = "bench.organizer@example.com";
    private static final int CHUNK = 500;
    private static final String[] CATEGORIES = {"conference", "workshop", "concert", "meetup", "sport", "festival",
            "exhibition", "networking"};
    private static final String[] TOPICS = {"Java", "Jazz", "Pottery", "Data", "Running", "Street food", "Photography",
            "Startups", "Piano", "Yoga", "Wine", "Robotics", "Poetry", "Cinema", "Chess", "Design"};
    private static final String[] KINDS = {"Day", "Night", "Workshop", "Meetup", "Festival", "Masterclass", "Tour",
            "Summit", "Evening", "Session"};
    private static final String[][] CITIES = {{"Paris", "France", "Europe/Paris"}, {"Lyon", "France", "Europe/Paris"},
            {"Marseille", "France", "Europe/Paris"}, {"Bordeaux", "France", "Europe/Paris"},
            {"Lille", "France", "Europe/Paris"}, {"Nantes", "France", "Europe/Paris"},
            {"Toulouse", "France", "Europe/Paris"}, {"Bruxelles", "Belgique", "Europe/Brussels"},
            {"Genève", "Suisse", "Europe/Zurich"}, {"Montréal", "Canada", "America/Toronto"}};
    private static final String[] PRICES = {"0", "0", "0", "10.00", "15.50", "22.00", "35.00", "89.00"};
    private static final Logger log = LoggerFactory.getLogger(BenchData.class);

    private final BenchSettings settings;
    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final EventService events;
    private final TicketTypes ticketTypes;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BenchData(BenchSettings settings, UserRepository users, PasswordEncoder passwordEncoder, EventService events,
            TicketTypes ticketTypes, TransactionTemplate transactions, Clock clock) {
        this.settings = settings;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.ticketTypes = ticketTypes;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        if (users.findByEmail(ORGANIZER).isPresent()) {
            throw new IllegalStateException("guichet.bench.seed expects an empty database; the bench drops it first");
        }
        long started = System.nanoTime();
        String password = HexFormat.of().formatHex(randomBytes(12));
        String hash = passwordEncoder.encode(password);
        User organizer = transactions.execute(status -> users.save(verified(new User(ORGANIZER, hash, "Bench",
                "Organizer", Locale.ENGLISH, EnumSet.of(Role.ORGANIZER), clock.instant()))));
        Instant now = clock.instant();
        for (int from = 0; from < settings.events(); from += CHUNK) {
            int first = from;
            int last = Math.min(settings.events(), from + CHUNK);
            ActingAs.as(organizer, () -> transactions.execute(status -> {
                for (int i = first; i < last; i++) {
                    events.create(AccountPrincipal.of(organizer), listed(i, now), null, true);
                }
                return null;
            }));
        }
        Event sale = ActingAs.as(organizer, () -> events.create(AccountPrincipal.of(organizer),
                flashSale(now, "Flash sale: the bench concert", settings.seats(), settings.maxPerPerson()), null, true));
        long type = ticketTypes.of(sale.getId()).get(0).getId();
        Event warmup = ActingAs.as(organizer, () -> events.create(AccountPrincipal.of(organizer),
                flashSale(now, "Warm-up sale: the bench rehearsal", settings.warmupSeats(),
                        settings.warmupMaxPerPerson()), null, true));
        long warmupType = ticketTypes.of(warmup.getId()).get(0).getId();
        List<String> buyers = transactions.execute(status -> {
            List<User> made = new ArrayList<>();
            for (int i = 1; i <= settings.buyers(); i++) {
                made.add(verified(new User(buyer(i), hash, "Buyer", String.valueOf(i), Locale.ENGLISH,
                        EnumSet.noneOf(Role.class), clock.instant())));
            }
            return users.saveAll(made).stream().map(User::getEmail).toList();
        });
        write(sale.getId(), type, warmup.getId(), warmupType, password, buyers);
        log.info("Bench data written in {} ms: {} listed events, flash sale event {} (ticket type {}, {} seats, {} per"
                + " person), {} buyers; ids and password in {}", (System.nanoTime() - started) / 1_000_000,
                settings.events(), sale.getId(), type, settings.seats(), settings.maxPerPerson(), buyers.size(),
                settings.output());
    }

    static String buyer(int index) {
        return String.format(Locale.ROOT, "bench.buyer.%05d@example.com", index);
    }

    /** Varied titles, categories, cities, prices and dates over the coming year, all public and published. */
    private static EventDetails listed(int i, Instant now) {
        String[] city = CITIES[i % CITIES.length];
        ZoneId zone = ZoneId.of(city[2]);
        Instant start = LocalDate.ofInstant(now, zone).plusDays(1 + (i * 7L) % 365)
                .atTime(LocalTime.of(8 + i % 13, (i % 4) * 15)).atZone(zone).toInstant();
        String title = TOPICS[i % TOPICS.length] + " " + KINDS[(i / TOPICS.length) % KINDS.length] + " " + city[0]
                + " #" + (i + 1);
        String price = PRICES[i % PRICES.length];
        return new EventDetails(title, "Bench event " + (i + 1) + ": **" + title + "**, a listing entry.",
                CATEGORIES[i % CATEGORIES.length], "Salle " + (i % 50 + 1), (i % 90 + 1) + " rue du Banc", city[0],
                city[1], null, start, start.plus(Duration.ofHours(1 + i % 8)), zone, 50 + (i * 37) % 1950,
                new BigDecimal(price), "Canada".equals(city[1]) ? "CAD" : "Suisse".equals(city[1]) ? "CHF" : "EUR",
                Visibility.PUBLIC, null, Event.DEFAULT_MAX_PER_PERSON);
    }

    /** One free event, one Standard type holding every seat, on sale now. */
    private static EventDetails flashSale(Instant now, String title, int seats, int maxPerPerson) {
        ZoneId zone = ZoneId.of("Europe/Paris");
        Instant start = LocalDate.ofInstant(now, zone).plusDays(30).atTime(LocalTime.of(20, 0)).atZone(zone)
                .toInstant();
        return new EventDetails(title, "Every seat goes in seconds.", "concert",
                "Zénith", "211 avenue Jean Jaurès", "Paris", "France", null, start, start.plus(Duration.ofHours(3)),
                zone, seats, BigDecimal.ZERO, "EUR", Visibility.PUBLIC, null, maxPerPerson);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private User verified(User user) {
        user.verifyEmail(clock.instant());
        return user;
    }

    /** Shell- and Python-readable {@code KEY=value} lines, moved into place whole. */
    private void write(long saleEvent, long ticketType, long warmupEvent, long warmupType, String password,
            List<String> buyers) {
        Path output = settings.output().toAbsolutePath();
        try {
            Files.createDirectories(output.getParent());
            Path partial = output.resolveSibling(output.getFileName() + ".partial");
            Files.writeString(partial, "SALE_EVENT_ID=" + saleEvent + "\nSALE_TICKET_TYPE_ID=" + ticketType
                    + "\nSEATS=" + settings.seats() + "\nMAX_PER_PERSON=" + settings.maxPerPerson()
                    + "\nWARMUP_EVENT_ID=" + warmupEvent + "\nWARMUP_TICKET_TYPE_ID=" + warmupType
                    + "\nWARMUP_SEATS=" + settings.warmupSeats()
                    + "\nBUYER_PASSWORD=" + password + "\nBUYERS=" + String.join(",", buyers) + "\n");
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the bench data file " + output, e);
        }
    }
}
