package org.guichet.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.event.Event;
import org.guichet.event.Visibility;
import org.guichet.registration.Order;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.SandboxPayments;
import org.guichet.support.StatementCounter;
import org.guichet.support.TestEvents;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard runs a fixed number of SQL statements, whatever the number of events and tickets. Every statement
 * is counted on the JDBC connection (Hibernate's and JdbcTemplate's alike), not only Hibernate's.
 */
@IntegrationTest
class DashboardStatementsTests {

    private static final Logger log = LoggerFactory.getLogger(DashboardStatementsTests.class);

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;


    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    TestEvents testEvents;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${guichet.payments.sandbox.webhook-secret}")
    String secret;

    @Test
    void runsTheSameStatementsForOneEventAndForThirtyWithHundredsOfTickets() throws Exception {
        User small = Accounts.organizer(accounts);
        Event single = testEvents.published(small, testEvents.details("Seul " + System.nanoTime(), "Tours",
                "concert", 5, "0", Visibility.PUBLIC));
        List<User> crowd = Accounts.participants(users, passwordEncoder, 70);
        register(crowd.get(0), single, 1);

        User big = Accounts.organizer(accounts);
        List<Event> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            boolean paid = i % 3 == 0;
            Event event = i % 10 == 9
                    ? testEvents.draft(big, testEvents.details("Brouillon " + i, "Tours", "meetup", 30, "0",
                            Visibility.PUBLIC))
                    : testEvents.published(big, testEvents.details("Nombreux " + i, "Tours",
                            i % 2 == 0 ? "concert" : "workshop", 3 + i, paid ? "12.00" : "0", Visibility.PUBLIC));
            many.add(event);
        }
        int tickets = 0;
        int person = 0;
        for (Event event : many) {
            if (event.getPublishedAt() == null) {
                continue;
            }
            for (int order = 0; order < 3; order++) {
                Order placed = register(crowd.get(person++ % crowd.size()), event, 5);
                tickets += 5;
                if (!event.isFree() && order < 2) {
                    pay(placed);
                }
            }
            jdbc.update("update tickets set checked_in_at = created_at where event_id = ? and status = 'VALID' "
                    + "and id % 2 = 0", event.getId());
        }
        assertThat(tickets).isGreaterThanOrEqualTo(300);

        long forOne = statementsFor("/dashboard", small);
        long forThirty = statementsFor("/dashboard", big);
        log.info("Dashboard statements: {} for 1 event, {} for 30 events with {} tickets", forOne, forThirty, tickets);
        // The events with their categories, the money per event and currency, the counts per event; then Spring
        // Session stores the new session (and the CSRF token the page's forms carry) in two inserts.
        assertThat(forThirty).isEqualTo(forOne).isEqualTo(5);

        Event busy = many.get(0);
        long smallPage = statementsFor("/dashboard/events/" + single.getId(), small);
        long busyPage = statementsFor("/dashboard/events/" + busy.getId(), big);
        log.info("Event page statements: {} for 1 ticket, {} for 15 tickets with payments", smallPage, busyPage);
        // The event with its category and organizer, the organizer's roles, money, counts, registrations and
        // payments per day, tickets per state; then the session's two inserts.
        assertThat(busyPage).isEqualTo(smallPage).isEqualTo(9);
        String page = mvc.perform(get("/dashboard").with(authentication(Accounts.signedIn(big))))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select("tr.event-row")).as("every event has its row").hasSize(30);
    }

    private long statementsFor(String path, User organizer) throws Exception {
        var signedIn = authentication(Accounts.signedIn(organizer));
        mvc.perform(get(path).with(signedIn)).andExpect(status().isOk());
        List<String> run = StatementCounter.statements(
                () -> mvc.perform(get(path).with(signedIn)).andExpect(status().isOk()));
        log.debug("{} ran {} statements:\n  {}", path, run.size(), String.join("\n  ", run));
        return run.size();
    }

    private Order register(User user, Event event, int count) {
        long type = ticketTypes.of(event.getId()).get(0).getId();
        return testEvents.register(user, event.getId(), type, count);
    }

    private void pay(Order order) throws Exception {
        new SandboxPayments(mvc, secret, clock).pay(order);
    }
}
