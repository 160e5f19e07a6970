package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.event.Event;
import org.guichet.event.Visibility;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class CheckInTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    ParticipantOrders registrations;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    TicketSigner signer;

    @Autowired
    CheckIns checkIns;

    @Autowired
    TestEvents testEvents;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    User organizer;
    Event event;
    long type;

    @BeforeEach
    void eventWithTickets() {
        organizer = Accounts.organizer(accounts);
        event = testEvents.published(organizer, testEvents.details("Gala " + System.nanoTime(), "Lyon", "concert", 3,
                "0", Visibility.PUBLIC));
        type = ticketTypes.of(event.getId()).get(0).getId();
    }

    @Test
    void aGoodCodeLetsItsHolderInOnceAndTheDoorCanUndoIt() throws Exception {
        long ticket = ticketOf(register("Ada Lovelace"));
        register("Alan Turing");
        String code = codeOf(ticket);

        scan(code).andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", "checkin-changed"))
                .andExpect(content().string(containsString("data-outcome=\"CHECKED_IN\"")))
                .andExpect(content().string(containsString("Welcome in")))
                .andExpect(content().string(containsString("Ada Lovelace")));
        String time = jdbc.queryForObject("select checked_in_at from tickets where id = ?", java.sql.Timestamp.class, ticket)
                .toInstant().atZone(event.getZone()).toLocalTime().toString().substring(0, 5);
        clock.advance(Duration.ofMinutes(3));
        scan(code).andExpect(content().string(containsString("data-outcome=\"ALREADY_CHECKED_IN\"")))
                .andExpect(content().string(containsString("Already checked in at")))
                .andExpect(content().string(containsString(clockTime(time))));
        progress().andExpect(content().string(containsString("1 / 2")));

        mvc.perform(post(checkIn() + "/" + ticket + "/undo").header("HX-Request", "true").with(csrf()).with(as(organizer)))
                .andExpect(content().string(containsString("Check-in undone")));
        assertThat(jdbc.queryForObject("select checked_in_at from tickets where id = ?", Object.class, ticket)).isNull();
        progress().andExpect(content().string(containsString("0 / 2")));
        scan(code).andExpect(content().string(containsString("data-outcome=\"CHECKED_IN\"")));
        assertThat(jdbc.queryForList("select action from registration_audit where order_id = (select order_id from tickets where id = ?)"
                + " order by id", String.class, ticket)).containsSubsequence("CHECKED_IN", "CHECK_IN_UNDONE", "CHECKED_IN");
    }

    @Test
    void refusesTamperedForeignAndMeaninglessCodes(@org.junit.jupiter.api.io.TempDir Path keys) throws Exception {
        long ticket = ticketOf(register("Grace Hopper"));
        String code = codeOf(ticket);
        char last = code.charAt(60);
        String tampered = code.substring(0, 60) + (last == 'A' ? 'B' : 'A') + code.substring(61);
        String secret = jdbc.queryForObject("select secret from tickets where id = ?", String.class, ticket);
        String forged = new TicketSigner("", keys.resolve("foreign")).sign(ticket, event.getId(), secret);
        for (String bad : List.of(tampered, forged, "G1.", "G1.not-base64!", code.substring(0, code.length() - 4))) {
            scan(bad).andExpect(content().string(containsString("data-outcome=\"INVALID\"")))
                    .andExpect(content().string(containsString("Invalid ticket")))
                    .andExpect(content().string(not(containsString("Grace Hopper"))));
        }
        assertThat(Files.exists(keys.resolve("foreign"))).isTrue();
        assertThat(jdbc.queryForObject("select checked_in_at from tickets where id = ?", Object.class, ticket)).isNull();
    }

    @Test
    void aTicketOfAnotherEventACancelledOneAndAnUnpaidOneAreTurnedAway() throws Exception {
        Event other = testEvents.published(organizer, testEvents.details("Autre " + System.nanoTime(), "Lyon", "concert",
                3, "0", Visibility.PUBLIC));
        User guest = Accounts.participant(accounts);
        Order elsewhere = testEvents.as(guest, () -> registrations.register(AccountPrincipal.of(guest), other.getId(),
                null, Map.of(ticketTypes.of(other.getId()).get(0).getId(), 1)).order());
        scan(codeOf(ticketOf(elsewhere))).andExpect(content().string(containsString("data-outcome=\"WRONG_EVENT\"")))
                .andExpect(content().string(containsString("This ticket is for another event")));

        Order cancelled = register("Hedy Lamarr");
        User holder = users.findById(cancelled.getUserId()).orElseThrow();
        testEvents.as(holder, () -> registrations.cancel(AccountPrincipal.of(holder), cancelled.getId()));
        scan(codeOf(ticketOf(cancelled))).andExpect(content().string(containsString("data-outcome=\"CANCELLED\"")))
                .andExpect(content().string(containsString("This ticket was cancelled")));

        long paidType = testEvents.as(organizer, () -> ticketTypes.add(event.getId(), AccountPrincipal.of(organizer),
                new TicketTypeDetails("Soutien", new BigDecimal("15.00"), 10, 2, null, null))).getId();
        User payer = Accounts.participant(accounts);
        Order unpaid = testEvents.register(payer, event.getId(), paidType, 1);
        scan(codeOf(ticketOf(unpaid))).andExpect(content().string(containsString("data-outcome=\"NOT_PAID\"")))
                .andExpect(content().string(containsString("This ticket is not paid")));
        assertThat(jdbc.queryForObject("select count(*) from tickets where event_id in (?, ?) and checked_in_at is not null",
                Integer.class, event.getId(), other.getId())).isZero();
    }

    @Test
    void twoScannersReadingOneTicketAtOnceLetItInOnce() throws Exception {
        List<Long> tickets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tickets.add(ticketOf(register("Guest " + i)));
        }
        AccountPrincipal door = AccountPrincipal.of(organizer);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (long ticket : tickets) {
            String code = codeOf(ticket);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CheckInResult.Outcome>> scans = new ArrayList<>();
            for (int scanner = 0; scanner < 4; scanner++) {
                Callable<CheckInResult.Outcome> scan = () -> {
                    start.await();
                    return testEvents.asPrincipal(door, () -> checkIns.scan(event.getId(), door, code)).outcome();
                };
                scans.add(pool.submit(scan));
            }
            start.countDown();
            List<CheckInResult.Outcome> outcomes = new ArrayList<>();
            for (Future<CheckInResult.Outcome> each : scans) {
                outcomes.add(each.get(30, TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsOnlyOnce(CheckInResult.Outcome.CHECKED_IN)
                    .filteredOn(outcome -> outcome != CheckInResult.Outcome.CHECKED_IN)
                    .containsOnly(CheckInResult.Outcome.ALREADY_CHECKED_IN);
        }
        pool.shutdownNow();
        assertThat(jdbc.queryForObject("select count(*) from registration_audit a join tickets t on t.order_id = a.order_id"
                + " where t.event_id = ? and a.action = 'CHECKED_IN'", Integer.class, event.getId())).isEqualTo(5);
    }

    @Test
    void theDoorFindsATicketByNameOrReferenceAndLetsItIn() throws Exception {
        Order order = register("Katherine Johnson");
        register("Dorothy Vaughan");
        mvc.perform(post(checkIn()).param("code", "kathe").header("HX-Request", "true").with(csrf()).with(as(organizer)))
                .andExpect(content().string(containsString("1 ticket matches")))
                .andExpect(content().string(containsString("Katherine Johnson")))
                .andExpect(content().string(not(containsString("Dorothy Vaughan"))));
        mvc.perform(post(checkIn()).param("code", order.getReference()).with(csrf()).with(as(organizer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Check-in at the door")))
                .andExpect(content().string(containsString("Katherine Johnson")));
        mvc.perform(post(checkIn() + "/" + ticketOf(order)).with(csrf()).with(as(organizer)))
                .andExpect(content().string(containsString("Welcome in")))
                .andExpect(content().string(containsString("1 / 2")));
        mvc.perform(post(checkIn()).param("code", "  ").with(csrf()).with(as(organizer)))
                .andExpect(content().string(containsString("Scan a ticket or type its code")));
    }

    @Test
    void onlyTheOrganizerAndAnAdminWorkTheDoor() throws Exception {
        long ticket = ticketOf(register("Margaret Hamilton"));
        User rival = Accounts.organizer(accounts);
        User participant = Accounts.participant(accounts);
        for (User stranger : List.of(rival, participant)) {
            mvc.perform(get(checkIn()).with(as(stranger))).andExpect(status().isNotFound());
            mvc.perform(post(checkIn()).param("code", codeOf(ticket)).with(csrf()).with(as(stranger)))
                    .andExpect(status().isNotFound());
            mvc.perform(post(checkIn() + "/" + ticket).with(csrf()).with(as(stranger))).andExpect(status().isNotFound());
            mvc.perform(get(checkIn() + "/progress").with(as(stranger))).andExpect(status().isNotFound());
        }
        assertThat(jdbc.queryForObject("select checked_in_at from tickets where id = ?", Object.class, ticket)).isNull();
        mvc.perform(get(checkIn()).with(as(Accounts.admin(users, passwordEncoder))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self' 'wasm-unsafe-eval'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")));
        mvc.perform(get("/events")).andExpect(header().string("Content-Security-Policy", not(containsString("wasm"))));
    }

    private Order register(String name) {
        User buyer = Accounts.participant(accounts);
        Order order = testEvents.register(buyer, event.getId(), type, 1);
        jdbc.update("update tickets set attendee_name = ? where order_id = ?", name, order.getId());
        return order;
    }

    private long ticketOf(Order order) {
        return jdbc.queryForObject("select id from tickets where order_id = ? order by id limit 1", Long.class,
                order.getId());
    }

    private String codeOf(long ticket) {
        Map<String, Object> row = jdbc.queryForMap("select event_id, secret from tickets where id = ?", ticket);
        return signer.sign(ticket, ((Number) row.get("event_id")).longValue(), (String) row.get("secret"));
    }

    private ResultActions scan(String code) throws Exception {
        return mvc.perform(post(checkIn()).param("code", code).header("HX-Request", "true").with(csrf()).with(as(organizer)));
    }

    private ResultActions progress() throws Exception {
        return mvc.perform(get(checkIn() + "/progress").with(as(organizer)));
    }

    private String checkIn() {
        return "/dashboard/events/" + event.getId() + "/checkin";
    }

    /** "19:42" as the English short time style writes it ("7:42 PM"). */
    private static String clockTime(String hoursAndMinutes) {
        java.time.LocalTime time = java.time.LocalTime.parse(hoursAndMinutes);
        return java.time.format.DateTimeFormatter.ofLocalizedTime(java.time.format.FormatStyle.SHORT)
                .withLocale(java.util.Locale.ENGLISH).format(time);
    }

    private static RequestPostProcessor as(User user) {
        return authentication(Accounts.signedIn(user));
    }
}
