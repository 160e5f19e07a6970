package org.guichet.payment;

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
import org.guichet.account.UserRepository;
import org.guichet.event.Event;
import org.guichet.event.EventDetails;
import org.guichet.event.Visibility;
import org.guichet.registration.ParticipantOrders;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

@IntegrationTest
class LastPaidSeatsConcurrencyTests {

    @Autowired
    ParticipantOrders registrations;

    @Autowired
    AccountService accounts;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void concurrentBuyersForTheLastPaidSeatsHoldExactlyThatMany() throws Exception {
        EventDetails base = testEvents.details("Dernières places payantes", "Tarbes", "concert", 5, "30.00",
                Visibility.PUBLIC);
        Event event = testEvents.published(Accounts.organizer(accounts), TestEvents.withCapacity(base, 5));
        long type = ticketTypes.of(event.getId()).get(0).getId();
        List<AccountPrincipal> buyers = Accounts.participants(users, passwordEncoder, 60).stream()
                .map(AccountPrincipal::of).toList();

        ExecutorService pool = Executors.newFixedThreadPool(buyers.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (AccountPrincipal buyer : buyers) {
            Callable<Boolean> attempt = () -> {
                start.await();
                try {
                    testEvents.asPrincipal(buyer, () -> registrations.register(buyer, event.getId(), null, Map.of(type, 1)).order());
                    return true;
                } catch (Refusal soldOut) {
                    return false;
                }
            };
            attempts.add(pool.submit(attempt));
        }
        start.countDown();
        int held = 0;
        for (Future<Boolean> attempt : attempts) {
            held += attempt.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdownNow();
        assertThat(held).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from orders where event_id = ? and status = 'PENDING_PAYMENT'",
                Integer.class, event.getId())).isEqualTo(5);
        assertThat(jdbc.queryForObject("select seats_taken from events where id = ?", Integer.class, event.getId()))
                .isEqualTo(5);
    }
}
