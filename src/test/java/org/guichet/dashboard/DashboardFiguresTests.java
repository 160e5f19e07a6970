package org.guichet.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.guichet.account.AccountPrincipal;
import org.guichet.registration.OrderLifecycle;
import org.guichet.registration.WaitingLists;
import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.Visibility;
import org.guichet.payment.PaymentService;
import org.guichet.registration.CheckIns;
import org.guichet.registration.Order;
import org.guichet.registration.ParticipantOrders;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.SandboxPayments;
import org.guichet.support.TestEvents;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every number of the dashboard, checked against a known mix built through the real services: free, paid,
 * refunded, cancelled, expired, held-but-unpaid and checked-in tickets, and a waiting list.
 *
 * <p>Definitions: registrations = orders CONFIRMED; tickets sold = tickets VALID; held = tickets RESERVED (orders
 * PENDING_PAYMENT), never counted as sold; checked in = VALID tickets with checked_in_at; gross = sum of
 * payments.amount, refunds = sum of payments.refunded_amount, net = gross - refunds, per currency.
 */
@IntegrationTest
class DashboardFiguresTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    ParticipantOrders registrations;

    @Autowired
    WaitingLists waitingLists;

    @Autowired
    OrderLifecycle lifecycle;

    @Autowired
    PaymentService payments;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    TestEvents testEvents;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DashboardQueries queries;

    @Autowired
    CheckIns checkIns;

    @Value("${guichet.payments.sandbox.webhook-secret}")
    String secret;

    User organizer;

    @BeforeEach
    void organizer() {
        organizer = Accounts.organizer(accounts);
    }

    @Test
    void showsExactFiguresForAKnownMixOfTicketsOnTheDashboardAndOnEachEventsPage() throws Exception {
        // Concert: paid, 45.50 EUR, 10 seats, refunds allowed.
        Event concert = testEvents.published(organizer, TestEvents.withCapacity(testEvents.details(
                "Concert " + System.nanoTime(), "Metz", "concert", 10, "45.50", Visibility.PUBLIC), 10));
        jdbc.update("update events set refunds_until = ? where id = ?",
                Timestamp.from(clock.instant().plus(Duration.ofDays(5))), concert.getId());
        long concertType = ticketTypes.of(concert.getId()).get(0).getId();

        User expired = Accounts.participant(accounts);
        register(expired, concert, concertType, 1);                          // held, then expired: not counted
        clock.advance(Duration.ofMinutes(16));
        lifecycle.expireHolds();

        User paying = Accounts.participant(accounts);
        Order paid = pay(register(paying, concert, concertType, 2));        // 2 sold, 91.00
        User refunded = Accounts.participant(accounts);
        Order refundedOrder = pay(register(refunded, concert, concertType, 1)); // paid 45.50, then refunded
        testEvents.as(refunded, () -> {
            registrations.cancelForRefund(AccountPrincipal.of(refunded), refundedOrder.getId());
            return null;
        });
        User holding = Accounts.participant(accounts);
        register(holding, concert, concertType, 1);                          // held, unpaid
        checkIn(paid, 1);

        // Workshop: free, 5 seats: one registration of 2 (both checked in), one cancelled.
        Event workshop = testEvents.published(organizer, TestEvents.withCapacity(testEvents.details(
                "Atelier " + System.nanoTime(), "Metz", "workshop", 12, "0", Visibility.PUBLIC), 5));
        long workshopType = ticketTypes.of(workshop.getId()).get(0).getId();
        Order pair = register(Accounts.participant(accounts), workshop, workshopType, 2);
        checkIn(pair, 2);
        User changedMind = Accounts.participant(accounts);
        Order cancelled = register(changedMind, workshop, workshopType, 1);
        testEvents.as(changedMind, () -> registrations.cancel(AccountPrincipal.of(changedMind), cancelled.getId()));

        // Talk: free, one seat, sold out, one person waiting.
        Event talk = testEvents.published(organizer, TestEvents.withCapacity(testEvents.details(
                "Causerie " + System.nanoTime(), "Metz", "meetup", 14, "0", Visibility.PUBLIC), 1));
        long talkType = ticketTypes.of(talk.getId()).get(0).getId();
        register(Accounts.participant(accounts), talk, talkType, 1);
        User waiting = Accounts.participant(accounts);
        testEvents.as(waiting, () -> waitingLists.join(AccountPrincipal.of(waiting), talk.getId(), null, null));

        Event draft = testEvents.draft(organizer, testEvents.details("Brouillon " + System.nanoTime(), "Metz",
                "meetup", 20, "12", Visibility.PUBLIC));

        // Someone else's event sells too, and must not count.
        User rival = Accounts.organizer(accounts);
        Event elsewhere = testEvents.published(rival, "Ailleurs " + System.nanoTime(), "Metz");
        register(Accounts.participant(accounts), elsewhere, ticketTypes.of(elsewhere.getId()).get(0).getId(), 3);

        Document dashboard = page("/dashboard");
        assertThat(figure(dashboard, "#total-registrations")).isEqualTo("3");
        assertThat(figure(dashboard, "#total-sold")).isEqualTo("5");
        assertThat(dashboard.selectFirst("#total-sold .figure-note").text()).isEqualTo("+ 1 held");
        assertThat(figure(dashboard, "#total-checked-in")).isEqualTo("3");
        assertThat(figure(dashboard, "#total-gross")).isEqualTo("€136.50");
        assertThat(figure(dashboard, "#total-refunds")).isEqualTo("€45.50");
        assertThat(figure(dashboard, "#total-net")).isEqualTo("€91.00");

        Element concertRow = row(dashboard, concert);
        assertThat(concertRow.selectFirst(".fill-sold").text()).isEqualTo("2 / 10");
        assertThat(concertRow.selectFirst(".fill-held").text()).isEqualTo("+ 1 held");
        assertThat(concertRow.select("[data-fill-percent]").eachAttr("data-fill-percent")).containsExactly("20", "10");
        assertThat(concertRow.selectFirst(".sold-cell").text()).isEqualTo("2");
        assertThat(concertRow.selectFirst(".revenue-cell").text()).isEqualTo("€91.00 gross €136.50, refunds €45.50");
        assertThat(concertRow.selectFirst(".checked-in-cell").text()).isEqualTo("1");
        assertThat(actions(concertRow)).contains("Cancel the event").doesNotContain("Delete", "Publish");

        Element workshopRow = row(dashboard, workshop);
        assertThat(workshopRow.selectFirst(".fill-sold").text()).isEqualTo("2 / 5");
        assertThat(workshopRow.select(".fill-held")).isEmpty();
        assertThat(workshopRow.selectFirst(".sold-cell").text()).isEqualTo("2");
        assertThat(workshopRow.selectFirst(".revenue-cell").text()).isEqualTo("—");
        assertThat(workshopRow.selectFirst(".checked-in-cell").text()).isEqualTo("2");
        assertThat(actions(workshopRow)).as("an event that has had orders is only cancelled").doesNotContain("Delete");

        Element talkRow = row(dashboard, talk);
        assertThat(talkRow.selectFirst(".fill-sold").text()).isEqualTo("1 / 1");
        assertThat(talkRow.selectFirst(".checked-in-cell").text()).isEqualTo("0");

        Element draftRow = row(dashboard, draft);
        assertThat(draftRow.selectFirst(".fill-sold").text()).isEqualTo("0 / 100");
        assertThat(actions(draftRow)).contains("Publish", "Delete", "Duplicate", "Edit", "Attendees", "Check-in");
        assertThat(dashboard.select("#group-drafts tr.event-row")).extracting(e -> e.attr("data-event-id"))
                .containsExactly(String.valueOf(draft.getId()));
        assertThat(dashboard.select("#group-upcoming tr.event-row")).extracting(e -> e.attr("data-event-id"))
                .containsExactly(String.valueOf(concert.getId()), String.valueOf(workshop.getId()),
                        String.valueOf(talk.getId()));
        assertThat(dashboard.text()).doesNotContain(elsewhere.getTitle());

        Document concertPage = page("/dashboard/events/" + concert.getId());
        assertThat(figure(concertPage, "#figure-registrations")).isEqualTo("1");
        assertThat(concertPage.selectFirst("#figure-registrations .figure-note").text()).isEqualTo("1 awaiting payment");
        assertThat(figure(concertPage, "#figure-sold")).isEqualTo("2");
        assertThat(concertPage.selectFirst("#figure-sold .fill-held").text()).isEqualTo("+ 1 held");
        assertThat(figure(concertPage, "#figure-checked-in")).isEqualTo("1");
        assertThat(figure(concertPage, "#figure-waiting")).isEqualTo("0");
        assertThat(figure(concertPage, "#figure-gross")).isEqualTo("€136.50");
        assertThat(figure(concertPage, "#figure-refunds")).isEqualTo("€45.50");
        assertThat(figure(concertPage, "#figure-net")).isEqualTo("€91.00");
        assertThat(figure(concertPage, "#figure-seats")).isEqualTo("3 / 10 seats");
        assertThat(ticketStates(concertPage)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "VALID-PAID", "Valid · paid 2 1",
                "RESERVED-PENDING", "Held · awaiting payment 1 0",
                "CANCELLED-REFUNDED", "Cancelled · refunded 1 0",
                "CANCELLED-PENDING", "Cancelled · awaiting payment 1 0"));
        assertThat(concertPage.selectFirst("#sales-chart").attr("data-chart")).contains("\"registrations\":[");
        assertThat(dayColumnSum(concertPage, 1)).isEqualTo("1");
        assertThat(dayColumnSum(concertPage, 2)).isEqualTo("136.50");

        Document workshopPage = page("/dashboard/events/" + workshop.getId());
        assertThat(figure(workshopPage, "#figure-registrations")).isEqualTo("1");
        assertThat(figure(workshopPage, "#figure-sold")).isEqualTo("2");
        assertThat(figure(workshopPage, "#figure-checked-in")).isEqualTo("2");
        assertThat(figure(workshopPage, "#figure-gross")).isEqualTo("—");
        assertThat(ticketStates(workshopPage)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "VALID-FREE", "Valid · free 2 2",
                "CANCELLED-FREE", "Cancelled · free 1 0"));

        Document talkPage = page("/dashboard/events/" + talk.getId());
        assertThat(figure(talkPage, "#figure-waiting")).isEqualTo("1");
        assertThat(figure(talkPage, "#figure-seats")).isEqualTo("1 / 1 seat");

        Document draftPage = page("/dashboard/events/" + draft.getId());
        assertThat(draftPage.select("#sales-chart")).isEmpty();
        assertThat(draftPage.text()).contains("The chart starts when the event is published.", "No ticket yet.");
    }

    @Test
    void countsEachRegistrationOnItsDayInTheEventsTimeZone() throws Exception {
        Event event = testEvents.published(organizer, testEvents.details("Jours " + System.nanoTime(), "Brest",
                "meetup", 10, "0", Visibility.PUBLIC));
        long type = ticketTypes.of(event.getId()).get(0).getId();
        ZoneId paris = ZoneId.of("Europe/Paris");
        LocalDate today = clock.instant().atZone(paris).toLocalDate();
        LocalDate published = today.minusDays(3);
        jdbc.update("update events set published_at = ? where id = ?",
                Timestamp.from(published.atTime(9, 0).atZone(paris).toInstant()), event.getId());
        Order justAfterMidnight = register(Accounts.participant(accounts), event, type, 1);
        Order beforeMidnight = register(Accounts.participant(accounts), event, type, 1);
        Order dayBefore = register(Accounts.participant(accounts), event, type, 2);
        LocalDate second = published.plusDays(1);
        // 00:30 in Paris is still the day before in UTC; 23:30 in Paris is the same day in UTC.
        confirmedAt(justAfterMidnight, second.atTime(0, 30).atZone(paris).toInstant());
        confirmedAt(beforeMidnight, second.atTime(23, 30).atZone(paris).toInstant());
        confirmedAt(dayBefore, published.atTime(23, 59).atZone(paris).toInstant());

        List<DayFigures> days = queries.perDay(event.getId(), paris, published.atTime(9, 0).atZone(paris).toInstant(),
                event.getEndsAt(), clock.instant());
        assertThat(days).extracting(DayFigures::day)
                .containsExactly(published, second, published.plusDays(2), today);
        assertThat(days).extracting(DayFigures::registrations).containsExactly(1L, 2L, 0L, 0L);
        assertThat(days).allSatisfy(day -> assertThat(day.gross()).isEmpty());
    }

    private Order register(User user, Event event, long type, int count) {
        return testEvents.register(user, event.getId(), type, count);
    }

    private Order pay(Order order) throws Exception {
        new SandboxPayments(mvc, secret, clock).pay(order);
        assertThat(jdbc.queryForObject("select status from orders where id = ?", String.class, order.getId()))
                .isEqualTo("CONFIRMED");
        return order;
    }

    /** The door lets the order's first tickets in, as a scan would. */
    private void checkIn(Order order, int tickets) {
        List<Long> ids = jdbc.queryForList("select id from tickets where order_id = ? order by id", Long.class,
                order.getId());
        for (Long id : ids.subList(0, tickets)) {
            testEvents.as(organizer,
                    () -> checkIns.checkInChosen(order.getEventId(), AccountPrincipal.of(organizer), id));
        }
    }

    private void confirmedAt(Order order, Instant at) {
        jdbc.update("update orders set confirmed_at = ? where id = ?", Timestamp.from(at), order.getId());
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(authentication(Accounts.signedIn(organizer))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static String figure(Document page, String card) {
        return page.selectFirst(card + " .figure-value").text();
    }

    private static Element row(Document page, Event event) {
        return page.selectFirst("tr.event-row[data-event-id=" + event.getId() + "]");
    }

    private static List<String> actions(Element row) {
        return row.select(".dropdown-menu .dropdown-item").eachText();
    }

    private static Map<String, String> ticketStates(Document page) {
        Map<String, String> states = new java.util.HashMap<>();
        page.select("#tickets-table tbody tr").forEach(tr -> states.put(tr.attr("data-state"), tr.text()));
        return states;
    }

    /** The sum of a column of the per-day table (registrations, or payments in euros). */
    private static String dayColumnSum(Document page, int column) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Element tr : page.select("#days-table tbody tr")) {
            sum = sum.add(new BigDecimal(tr.child(column).text().replace("€", "").replace(",", "")));
        }
        return sum.toPlainString();
    }
}
