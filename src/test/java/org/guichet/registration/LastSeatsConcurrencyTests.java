package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.guichet.account.AccountPrincipal;
import org.guichet.shared.Refusal;
import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.event.Event;
import org.guichet.event.EventDetails;
import org.guichet.event.Visibility;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

@IntegrationTest
class LastSeatsConcurrencyTests {

    private static final int ATTEMPTS = 200;

    @Autowired
    ParticipantOrders registrations;

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void twoHundredPeopleForTenSeatsLeaveExactlyTenTickets() throws Exception {
        User organizer = Accounts.organizer(accounts);
        EventDetails details = testEvents.details("Dernières places", "Lyon", "concert", 5, "0", Visibility.PUBLIC);
        Event event = testEvents.published(organizer, TestEvents.withCapacity(details, 10));
        long typeId = ticketTypes.of(event.getId()).get(0).getId();

        List<String> outcomes = race(event.getId(), Map.of(typeId, 1));

        assertThat(outcomes).filteredOn("registered"::equals).hasSize(10);
        assertThat(outcomes).filteredOn("sold out"::equals).hasSize(ATTEMPTS - 10);
        assertThat(validTickets(event.getId())).isEqualTo(10);
        assertThat(jdbc.queryForObject("select seats_taken from events where id = ?", Integer.class, event.getId()))
                .isEqualTo(10);
    }

    @Test
    void aTypeQuotaSmallerThanTheCapacityHoldsToo() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event event = testEvents.published(organizer,
                testEvents.details("Quota étudiant", "Lille", "workshop", 5, "0", Visibility.PUBLIC));
        long typeId = ticketTypes.of(event.getId()).get(0).getId();
        jdbc.update("update ticket_types set quantity = 7 where id = ?", typeId);

        List<String> outcomes = race(event.getId(), Map.of(typeId, 1));

        assertThat(outcomes).filteredOn("registered"::equals).hasSize(7);
        assertThat(validTickets(event.getId())).isEqualTo(7);
        assertThat(jdbc.queryForObject("select sold from ticket_types where id = ?", Integer.class, typeId)).isEqualTo(7);
        assertThat(jdbc.queryForObject("select seats_taken from events where id = ?", Integer.class, event.getId()))
                .as("seats taken by refused attempts are given back").isEqualTo(7);
    }

    private List<String> race(long eventId, Map<Long, Integer> quantities) throws Exception {
        List<AccountPrincipal> people = Accounts.participants(users, passwordEncoder, ATTEMPTS).stream()
                .map(AccountPrincipal::of).toList();
        ExecutorService pool = Executors.newFixedThreadPool(ATTEMPTS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> attempts = new ArrayList<>();
            for (AccountPrincipal person : people) {
                Callable<String> attempt = () -> {
                    start.await();
                    return testEvents.asPrincipal(person, () -> {
                        try {
                            registrations.register(person, eventId, null, quantities).order();
                            return "registered";
                        } catch (Refusal soldOut) {
                            return "sold out";
                        }
                    });
                };
                attempts.add(pool.submit(attempt));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> attempt : attempts) {
                outcomes.add(attempt.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private int validTickets(long eventId) {
        return jdbc.queryForObject("select count(*) from tickets where event_id = ? and status = 'VALID'",
                Integer.class, eventId);
    }
}
