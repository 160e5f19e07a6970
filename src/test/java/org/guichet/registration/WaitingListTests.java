package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.guichet.event.Event;
import org.guichet.event.EventDetails;
import org.guichet.event.Visibility;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.TestEvents;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class WaitingListTests {

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
    TicketTypes ticketTypes;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TestMail mail;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFreedSeatIsHeldForTheFirstPersonWaitingThenPassesOnWhenUnclaimed() throws Exception {
        Event event = eventWithOneSeat("Concert intimiste");
        long type = ticketTypes.of(event.getId()).get(0).getId();
        User holder = Accounts.participant(accounts);
        User first = Accounts.participant(accounts);
        User second = Accounts.participant(accounts);
        Order order = register(holder, event, type);

        assertThatThrownBy(() -> register(first, event, type)).isInstanceOf(Refusal.class).hasMessage("registration.error.soldOut");
        mvc.perform(post("/events/" + event.getId() + "/waitlist").with(csrf()).with(signedIn(first)))
                .andExpect(redirectedUrl("/events/" + event.getId() + "#register"));
        WaitingListEntry secondEntry = testEvents.as(second, () -> waitingLists.join(
                AccountPrincipal.of(second), event.getId(), null, null));
        assertThatThrownBy(() -> testEvents.as(second, () -> waitingLists.join(
                AccountPrincipal.of(second), event.getId(), null, null))).hasMessage("waitlist.error.already");
        mvc.perform(get("/events/" + event.getId()).with(signedIn(second)))
                .andExpect(content().string(containsString("1 person is before you")));

        testEvents.as(holder, () -> registrations.cancel(AccountPrincipal.of(holder), order.getId()));
        assertThat(seatsTaken(event)).as("the freed seat is held, not put back on sale").isEqualTo(1);
        assertThatThrownBy(() -> register(Accounts.participant(accounts), event, type)).isInstanceOf(Refusal.class).hasMessage("registration.error.soldOut");
        assertThat(mail.deliverAndRead(first.getEmail())).singleElement()
                .satisfies(message -> assertThat(message.getSubject()).isEqualTo("A seat is free for Concert intimiste"));
        mvc.perform(get("/events/" + event.getId()).with(signedIn(first)))
                .andExpect(content().string(containsString("A seat is held for you until")));

        clock.advance(Duration.ofHours(25));
        assertThat(lifecycle.expireOffers()).isEqualTo(1);
        assertThat(mail.deliverAndRead(second.getEmail())).hasSize(1);
        long firstEntry = jdbc.queryForObject("select id from waiting_list_entries where user_id = ?", Long.class,
                first.getId());
        assertThatThrownBy(() -> testEvents.as(first, () -> waitingLists.claim(AccountPrincipal.of(first), firstEntry)))
                .hasMessage("waitlist.error.offerGone");

        mvc.perform(post("/waitlist/" + secondEntry.getId() + "/claim").with(csrf()).with(signedIn(second))
                        .param("eventId", String.valueOf(event.getId())))
                .andExpect(redirectedUrl("/tickets"));
        assertThat(seatsTaken(event)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from tickets t join orders o on o.id = t.order_id "
                + "where t.event_id = ? and t.status = 'VALID' and o.user_id = ?", Integer.class, event.getId(),
                second.getId())).isEqualTo(1);
    }

    @Test
    void anUnclaimedOfferWithNobodyWaitingPutsTheSeatBackOnSale() {
        Event event = eventWithOneSeat("Atelier calligraphie");
        long type = ticketTypes.of(event.getId()).get(0).getId();
        User holder = Accounts.participant(accounts);
        User waiting = Accounts.participant(accounts);
        Order order = register(holder, event, type);
        testEvents.as(waiting, () -> waitingLists.join(AccountPrincipal.of(waiting), event.getId(), null, null));
        testEvents.as(holder, () -> registrations.cancel(AccountPrincipal.of(holder), order.getId()));

        clock.advance(Duration.ofHours(25));
        lifecycle.expireOffers();
        assertThat(seatsTaken(event)).isZero();
        assertThat(register(Accounts.participant(accounts), event, type).getStatus()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void someoneWaitingForASoldOutTypeGetsOnlyASeatOfThatType() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event event = testEvents.published(organizer, "Gala", "Arles");
        long standard = ticketTypes.of(event.getId()).get(0).getId();
        long vip = testEvents.as(organizer, () -> ticketTypes.add(event.getId(), AccountPrincipal.of(organizer),
                new TicketTypeDetails("VIP", java.math.BigDecimal.ZERO, 1, 1, null, null))).getId();
        User vipHolder = Accounts.participant(accounts);
        User standardHolder = Accounts.participant(accounts);
        Order vipOrder = register(vipHolder, event, vip);
        Order standardOrder = register(standardHolder, event, standard);
        User fan = Accounts.participant(accounts);
        assertThatThrownBy(() -> testEvents.as(fan, () -> waitingLists.join(AccountPrincipal.of(fan),
                event.getId(), null, standard))).hasMessage("waitlist.error.notSoldOut");
        mvc.perform(get("/events/" + event.getId()).with(signedIn(fan)))
                .andExpect(content().string(containsString("Wait for a “VIP” ticket")));
        testEvents.as(fan, () -> waitingLists.join(AccountPrincipal.of(fan), event.getId(), null, vip));

        testEvents.as(standardHolder, () -> registrations.cancel(AccountPrincipal.of(standardHolder), standardOrder.getId()));
        assertThat(mail.deliverAndRead(fan.getEmail())).as("a Standard seat is not what the fan waits for").isEmpty();
        testEvents.as(vipHolder, () -> registrations.cancel(AccountPrincipal.of(vipHolder), vipOrder.getId()));
        assertThat(mail.deliverAndRead(fan.getEmail())).hasSize(1);
    }

    @Test
    void refusesToQueueWhileSeatsAreOnSale() {
        User organizer = Accounts.organizer(accounts);
        Event event = testEvents.published(organizer, "Place libre", "Agen");
        User participant = Accounts.participant(accounts);
        assertThatThrownBy(() -> testEvents.as(participant, () -> waitingLists.join(
                AccountPrincipal.of(participant), event.getId(), null, null))).hasMessage("waitlist.error.notSoldOut");
    }

    @Test
    void twoClaimsOfTheSameOfferGiveOneTicket() throws Exception {
        Event event = eventWithOneSeat("Dégustation");
        long type = ticketTypes.of(event.getId()).get(0).getId();
        User holder = Accounts.participant(accounts);
        User waiting = Accounts.participant(accounts);
        Order order = register(holder, event, type);
        WaitingListEntry entry = testEvents.as(waiting, () -> waitingLists.join(
                AccountPrincipal.of(waiting), event.getId(), null, null));
        testEvents.as(holder, () -> registrations.cancel(AccountPrincipal.of(holder), order.getId()));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        AccountPrincipal principal = AccountPrincipal.of(waiting);
        for (int i = 0; i < 8; i++) {
            Callable<Boolean> claim = () -> {
                start.await();
                try {
                    testEvents.asPrincipal(principal, () -> waitingLists.claim(principal, entry.getId()));
                    return true;
                } catch (Refusal | org.springframework.dao.ConcurrencyFailureException lost) {
                    return false;
                }
            };
            claims.add(pool.submit(claim));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> claim : claims) {
            won += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdownNow();
        assertThat(won).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from tickets where event_id = ? and status = 'VALID'",
                Integer.class, event.getId())).isEqualTo(1);
    }

    private Event eventWithOneSeat(String title) {
        User organizer = Accounts.organizer(accounts);
        EventDetails base = testEvents.details(title, "Albi", "concert", 5, "0", Visibility.PUBLIC);
        return testEvents.published(organizer, TestEvents.withCapacity(base, 1));
    }

    private Order register(User user, Event event, long type) {
        return testEvents.register(user, event.getId(), type, 1);
    }

    private int seatsTaken(Event event) {
        return jdbc.queryForObject("select seats_taken from events where id = ?", Integer.class, event.getId());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(User user) {
        return authentication(Accounts.signedIn(user));
    }
}
