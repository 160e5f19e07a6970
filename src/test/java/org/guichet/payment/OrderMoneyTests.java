package org.guichet.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.EventDetails;
import org.guichet.event.Visibility;
import org.guichet.registration.CheckIns;
import org.guichet.registration.Order;
import org.guichet.registration.OrderStatus;
import org.guichet.registration.ParticipantOrders;
import org.guichet.registration.TicketSigner;
import org.guichet.registration.TicketTypes;
import org.guichet.registration.WaitingLists;
import org.guichet.shared.Refusal;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.Race;
import org.guichet.support.Refused;
import org.guichet.support.SandboxPayments;
import org.guichet.support.TestEvents;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The holes of issue 11, each closed: money that is kept or admitted wrongly, one account taking every seat, 500s. */
@IntegrationTest
class OrderMoneyTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    ParticipantOrders orders;

    @Autowired
    WaitingLists waitingLists;

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

    @Autowired
    PaymentGateways.Registry gateways;

    @Autowired
    CheckIns checkIns;

    @Autowired
    TicketSigner signer;

    @Value("${guichet.payments.sandbox.webhook-secret}")
    String secret;

    @Test
    void aPaidSeatFromTheWaitingListIsHeldUnpaidGoesToCheckoutAndGetsInOnlyOncePaid() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event event = paidEvent(organizer, 1, "40.00");
        long type = typeOf(event);
        User holder = Accounts.participant(accounts);
        Order held = testEvents.register(holder, event.getId(), type, 1);
        User waiting = Accounts.participant(accounts);
        long entry = testEvents.as(waiting, () -> waitingLists.join(AccountPrincipal.of(waiting), event.getId(), null,
                null)).getId();

        clock.advance(Duration.ofMinutes(16));
        assertThat(lifecycle.expireHolds()).isGreaterThanOrEqualTo(1);
        assertThat(orderStatus(held.getId())).isEqualTo("EXPIRED");
        assertThat(seatsTaken(event)).as("the freed seat is kept for the person waiting").isEqualTo(1);

        String checkout = mvc.perform(post("/waitlist/" + entry + "/claim").param("eventId", event.getId().toString())
                        .with(csrf()).with(as(waiting)))
                .andExpect(redirectedUrlPattern("/sandbox/checkout/cs_test_*"))
                .andReturn().getResponse().getRedirectedUrl();
        long orderId = onlyOrderId(waiting, event);
        assertThat(orderStatus(orderId)).isEqualTo("PENDING_PAYMENT");
        assertThat(seatsTaken(event)).as("the offered seat passed into the hold: nothing released").isEqualTo(1);
        assertThat(jdbc.queryForObject("select status || '/' || payment_status from tickets where order_id = ?",
                String.class, orderId)).isEqualTo("RESERVED/PENDING");
        assertThat(checkInOutcome(organizer, event, orderId)).isEqualTo("NOT_PAID");

        mvc.perform(post(checkout).with(csrf()).param("number", "4242 4242 4242 4242").param("expiry", "12/40")
                .param("cvc", "123")).andExpect(redirectedUrl("/orders/" + orderId + "/return"));
        assertThat(deliverSandboxWebhooks(orderId)).isEqualTo(1);
        assertThat(orderStatus(orderId)).isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForObject("select status || '/' || payment_status from tickets where order_id = ?",
                String.class, orderId)).isEqualTo("VALID/PAID");
        assertThat(checkInOutcome(organizer, event, orderId)).isEqualTo("CHECKED_IN");
    }

    @Test
    void aSecondPaymentOfAPaidOrderIsRecordedRefundedInFullAndMailed() throws Exception {
        Event event = paidEvent(Accounts.organizer(accounts), 5, "30.00");
        User buyer = Accounts.participant(accounts);
        Order order = testEvents.register(buyer, event.getId(), typeOf(event), 2);
        String session = sessionOf(checkoutAs(buyer, order));
        sandbox().deliver(SandboxPayments.completed("evt_a_" + order.getId(), order, session, "pi_a_" + order.getId()))
                .andExpect(status().isOk());
        sandbox().deliver(SandboxPayments.completed("evt_b_" + order.getId(), order, session, "pi_b_" + order.getId()))
                .andExpect(status().isOk());

        assertThat(orderStatus(order.getId())).isEqualTo("CONFIRMED");
        assertThat(payments(order.getId())).containsExactly("pi_a_" + order.getId() + ":NONE:",
                "pi_b_" + order.getId() + ":DONE:ALREADY_PAID");
        assertThat(validTickets(order.getId())).isEqualTo(2);
        List<MimeMessage> mails = mail.deliverAndRead(buyer.getEmail());
        assertThat(mails).extracting(OrderMoneyTests::subject).contains("Your payment for " + event.getTitle()
                + " has been refunded");
        assertThat(mails).anySatisfy(message -> assertThat(TestMail.text(message))
                .contains("had already been paid by another payment"));
        awaitRefunds(order.getId());
    }

    @Test
    void anOlderCheckoutPageIsClosedRefusedByTheSandboxAndWhatStillArrivesThroughItIsRefunded() throws Exception {
        Event event = paidEvent(Accounts.organizer(accounts), 5, "25.00");
        User buyer = Accounts.participant(accounts);
        Order order = testEvents.register(buyer, event.getId(), typeOf(event), 1);
        String first = checkoutAs(buyer, order);
        assertThat(checkoutAs(buyer, order)).as("a second visit reuses the open page").isEqualTo(first);

        gateways.named("sandbox").orElseThrow().expire(sessionOf(first));
        String second = checkoutAs(buyer, order);
        assertThat(second).isNotEqualTo(first);
        mvc.perform(get(first)).andExpect(content().string(containsString("This payment page has expired.")));
        mvc.perform(post(first).with(csrf()).param("number", "4242 4242 4242 4242").param("expiry", "12/40")
                .param("cvc", "123")).andExpect(content().string(containsString("This payment page has expired.")));
        assertThat(deliverSandboxWebhooks(order.getId())).as("the older page took no payment").isZero();

        sandbox().deliver(SandboxPayments.completed("evt_old_" + order.getId(), order, sessionOf(first),
                "pi_old_" + order.getId())).andExpect(status().isOk());
        assertThat(orderStatus(order.getId())).as("money through a replaced page does not pay the order")
                .isEqualTo("PENDING_PAYMENT");
        mvc.perform(post(second).with(csrf()).param("number", "4242 4242 4242 4242").param("expiry", "12/40")
                .param("cvc", "123")).andExpect(redirectedUrl("/orders/" + order.getId() + "/return"));
        assertThat(deliverSandboxWebhooks(order.getId())).isEqualTo(1);

        assertThat(orderStatus(order.getId())).isEqualTo("CONFIRMED");
        assertThat(payments(order.getId())).hasSize(2).contains("pi_old_" + order.getId() + ":DONE:SUPERSEDED")
                .filteredOn(line -> line.endsWith(":NONE:")).hasSize(1);
        assertThat(mail.deliverAndRead(buyer.getEmail())).anySatisfy(message -> assertThat(TestMail.text(message))
                .contains("came through a payment page that order " + order.getReference() + " had replaced"));
        mvc.perform(get("/dashboard/events/" + event.getId()).with(as(userById(eventOrganizer(event)))))
                .andExpect(content().string(containsString("id=\"automatic-refunds\"")));
    }

    @Test
    void twoTabsOpeningAndPayingOneOrderAtOnceTakeOnePaymentAndNeverAnError() throws Exception {
        Event event = paidEvent(Accounts.organizer(accounts), 5, "12.50");
        User buyer = Accounts.participant(accounts);
        Order order = testEvents.register(buyer, event.getId(), typeOf(event), 1);
        List<Race.Outcome<String>> pages = Race.run(4, () -> mvc.perform(post("/orders/" + order.getId() + "/pay")
                .with(csrf()).with(as(buyer))).andReturn().getResponse().getRedirectedUrl());
        assertThat(pages).allSatisfy(page -> assertThat(page.succeeded()).isTrue());
        assertThat(jdbc.queryForObject("select count(*) from sandbox_sessions where order_id = ? and status = 'OPEN'",
                Integer.class, order.getId())).as("one live page per order").isEqualTo(1);
        String live = jdbc.queryForObject("select id from sandbox_sessions where order_id = ? and status = 'OPEN'",
                String.class, order.getId());

        List<Race.Outcome<Integer>> paid = Race.run(4, () -> mvc.perform(post("/sandbox/checkout/" + live)
                .with(csrf()).param("number", "4242 4242 4242 4242").param("expiry", "12/40").param("cvc", "123"))
                .andReturn().getResponse().getStatus());
        assertThat(paid).allSatisfy(tab -> assertThat(tab.value()).isLessThan(500));
        assertThat(deliverSandboxWebhooks(order.getId())).isEqualTo(1);
        assertThat(orderStatus(order.getId())).isEqualTo("CONFIRMED");
        assertThat(payments(order.getId())).hasSize(1);
    }

    @Test
    void onePersonCannotTakeMoreThanTheEventsLimitOverSeveralOrdersNorFromSeveralTabsAtOnce() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event event = testEvents.published(organizer, testEvents.details("Grand bal " + System.nanoTime(), "Lyon",
                "concert", 9, "0", Visibility.PUBLIC));
        long type = typeOf(event);
        User greedy = Accounts.participant(accounts);
        testEvents.register(greedy, event.getId(), type, 5);
        testEvents.register(greedy, event.getId(), type, 4);
        mvc.perform(get("/events/" + event.getId()).with(as(greedy)))
                .andExpect(content().string(containsString("You hold 9 tickets for this event; you may take 1 more"
                        + " (limit 10 per person).")));
        mvc.perform(post("/events/" + event.getId() + "/register").param("qty-" + type, "2").with(csrf())
                        .with(as(greedy)))
                .andExpect(Refused.flashed("registration.error.personLimit"));

        User racer = Accounts.participant(accounts);
        List<Race.Outcome<Order>> tabs = Race.run(6, () -> testEvents.register(racer, event.getId(), type, 5));
        assertThat(tabs).filteredOn(Race.Outcome::succeeded).hasSize(2);
        assertThat(tabs).filteredOn(tab -> !tab.succeeded()).allSatisfy(tab -> assertThat(tab.failure())
                .isInstanceOf(Refusal.class).hasMessage("registration.error.personLimit"));
        assertThat(jdbc.queryForObject("select count(*) from tickets t join orders o on o.id = t.order_id"
                + " where o.user_id = ? and t.event_id = ?", Integer.class, racer.getId(), event.getId())).isEqualTo(10);
    }

    @Test
    void aBuyerWithAnUnpaidHoldIsTakenBackToItInsteadOfHoldingMore() throws Exception {
        Event event = paidEvent(Accounts.organizer(accounts), 20, "18.00");
        long type = typeOf(event);
        User buyer = Accounts.participant(accounts);
        String first = mvc.perform(post("/events/" + event.getId() + "/register").param("qty-" + type, "5")
                .with(csrf()).with(as(buyer))).andReturn().getResponse().getRedirectedUrl();
        long held = jdbc.queryForObject("select id from orders where user_id = ?", Long.class, buyer.getId());
        MvcResult again = mvc.perform(post("/events/" + event.getId() + "/register").param("qty-" + type, "5")
                .with(csrf()).with(as(buyer))).andExpect(redirectedUrl("/orders/" + held + "/pay")).andReturn();
        assertThat(again.getFlashMap().get("resumed")).isNotNull();
        mvc.perform(get("/events/" + event.getId()).with(as(buyer)))
                .andExpect(content().string(containsString("id=\"held-order\"")))
                .andExpect(content().string(containsString("/orders/" + held + "/pay")));
        mvc.perform(post("/orders/" + held + "/pay").with(csrf()).with(as(buyer))).andExpect(redirectedUrl(first));
        assertThat(seatsTaken(event)).as("the second click held nothing more").isEqualTo(5);

        clock.advance(Duration.ofMinutes(16));
        mvc.perform(post("/events/" + event.getId() + "/register").param("qty-" + type, "2").with(csrf())
                .with(as(buyer))).andExpect(redirectedUrlPattern("/sandbox/checkout/cs_test_*"));
        assertThat(seatsTaken(event)).as("the hold that had run out was released first").isEqualTo(2);
    }

    @Test
    void twoClicksAtOnceOnCancelOrRefundGiveOneChangeAndCalmAnswers() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event free = testEvents.published(organizer, "Atelier " + System.nanoTime(), "Lille");
        User participant = Accounts.participant(accounts);
        Order registration = testEvents.register(participant, free.getId(), typeOf(free), 2);
        List<Race.Outcome<MvcResult>> cancels = Race.run(5, () -> mvc.perform(post("/orders/"
                + registration.getId() + "/cancel").with(csrf()).with(as(participant))).andReturn());
        assertThat(cancels).allSatisfy(click -> assertThat(click.value().getResponse().getStatus()).isEqualTo(302));
        assertThat(cancels).filteredOn(click -> click.value().getFlashMap().get("cancelled") != null).hasSize(1);
        assertThat(cancels).filteredOn(click -> click.value().getFlashMap().get("refusal") != null).hasSize(4)
                .allSatisfy(click -> Refused.flashed("order.error.alreadyCancelled").match(click.value()));
        assertThat(seatsTaken(free)).isZero();

        Event paid = refundableEvent(organizer);
        User buyer = Accounts.participant(accounts);
        Order order = sandbox().pay(testEvents.register(buyer, paid.getId(), typeOf(paid), 1));
        List<Race.Outcome<MvcResult>> refunds = Race.run(6, () -> mvc.perform(post("/orders/" + order.getId()
                + "/refund").with(csrf()).with(as(buyer))).andReturn());
        assertThat(refunds).allSatisfy(click -> assertThat(click.value().getResponse().getStatus()).isEqualTo(302));
        assertThat(refunds).filteredOn(click -> click.value().getFlashMap().get("cancelled") != null).hasSize(1);
        assertThat(refunds).filteredOn(click -> click.value().getFlashMap().get("refusal") != null).hasSize(5)
                .allSatisfy(click -> Refused.flashed("order.error.alreadyRefunded").match(click.value()));
        assertThat(payments(order.getId())).singleElement().satisfies(line -> assertThat(line).endsWith("BUYER_CANCELLED"));
        assertThat(orderStatus(order.getId())).isEqualTo("REFUNDED");
    }

    @Test
    void thePaymentMailLinksToTheReceiptWhichOnlyItsBuyerCanDownload() throws Exception {
        Event event = paidEvent(Accounts.organizer(accounts), 5, "42.00");
        User buyer = Accounts.participant(accounts);
        User someoneElse = Accounts.participant(accounts);
        Order unpaid = testEvents.register(buyer, event.getId(), typeOf(event), 1);
        mvc.perform(get("/orders/" + unpaid.getId() + "/receipt.pdf").with(as(buyer)))
                .andExpect(status().isNotFound());

        Order order = sandbox().pay(unpaid);

        MimeMessage confirmed = mail.deliverAndRead(buyer.getEmail()).stream()
                .filter(message -> subject(message).contains(event.getTitle())).reduce((a, b) -> b).orElseThrow();
        assertThat(TestMail.text(confirmed)).contains("/orders/" + order.getId() + "/receipt.pdf");
        byte[] pdf = mvc.perform(get("/orders/" + order.getId() + "/receipt.pdf").with(as(buyer)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        mvc.perform(get("/orders/" + order.getId() + "/receipt.pdf").with(as(someoneElse)))
                .andExpect(status().isNotFound());
    }

    private Event paidEvent(User organizer, int capacity, String price) {
        EventDetails base = testEvents.details("Récital " + System.nanoTime(), "Metz", "concert", 12, price,
                Visibility.PUBLIC);
        return testEvents.published(organizer, TestEvents.withCapacity(base, capacity));
    }

    private Event refundableEvent(User organizer) {
        EventDetails base = testEvents.details("Remboursable " + System.nanoTime(), "Metz", "concert", 12, "20.00",
                Visibility.PUBLIC);
        return testEvents.published(organizer, new EventDetails(base.title(), base.description(), base.categorySlug(),
                base.venueName(), base.address(), base.city(), base.country(), base.onlineUrl(), base.startsAt(),
                base.endsAt(), base.timeZone(), 10, base.price(), base.currency(), base.visibility(),
                base.startsAt().minus(Duration.ofDays(1))));
    }

    @Autowired
    org.guichet.registration.OrderLifecycle lifecycle;

    private String checkoutAs(User buyer, Order order) throws Exception {
        return mvc.perform(post("/orders/" + order.getId() + "/pay").with(csrf()).with(as(buyer)))
                .andExpect(redirectedUrlPattern("/sandbox/checkout/cs_test_*"))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private String checkInOutcome(User organizer, Event event, long orderId) {
        long ticket = jdbc.queryForObject("select id from tickets where order_id = ?", Long.class, orderId);
        String secretOfTicket = jdbc.queryForObject("select secret from tickets where id = ?", String.class, ticket);
        return testEvents.as(organizer, () -> checkIns.scan(event.getId(), AccountPrincipal.of(organizer),
                signer.sign(ticket, event.getId(), secretOfTicket))).outcome().name();
    }

    private List<String> payments(long orderId) {
        return jdbc.query("select transaction_ref, refund_status, refund_reason from payments where order_id = ?"
                        + " order by id", (row, n) -> row.getString(1) + ":" + row.getString(2) + ":"
                        + (row.getString(3) == null ? "" : row.getString(3)), orderId)
                .stream().map(line -> line.replace(":PENDING:", ":DONE:")).toList();
    }

    private void awaitRefunds(long orderId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from payments where order_id = ? and refund_status = 'PENDING'", Integer.class,
                orderId) == 0);
    }

    private int validTickets(long orderId) {
        return jdbc.queryForObject("select count(*) from tickets where order_id = ? and status = 'VALID'",
                Integer.class, orderId);
    }

    private long onlyOrderId(User user, Event event) {
        return jdbc.queryForObject("select id from orders where user_id = ? and event_id = ?", Long.class,
                user.getId(), event.getId());
    }

    private String orderStatus(long orderId) {
        return jdbc.queryForObject("select status from orders where id = ?", String.class, orderId);
    }

    private int seatsTaken(Event event) {
        return jdbc.queryForObject("select seats_taken from events where id = ?", Integer.class, event.getId());
    }

    private long typeOf(Event event) {
        return ticketTypes.of(event.getId()).get(0).getId();
    }

    private long eventOrganizer(Event event) {
        return jdbc.queryForObject("select organizer_id from events where id = ?", Long.class, event.getId());
    }

    private User userById(long id) {
        return users.findById(id).orElseThrow();
    }

    @Autowired
    org.guichet.account.UserRepository users;

    /**
     * Delivers the webhooks the sandbox queued for this order through MockMvc, as its sender would over HTTP (the
     * suite runs no server); how many there were.
     */
    private int deliverSandboxWebhooks(long orderId) throws Exception {
        int delivered = 0;
        for (Map<String, Object> row : jdbc.queryForList("select id, payload from sandbox_webhooks"
                + " where status = 'PENDING' order by id")) {
            String payload = (String) row.get("payload");
            if (payload.matches(".*\"orderId\":" + orderId + "[,}].*")) {
                sandbox().deliver(payload).andExpect(status().isOk());
                jdbc.update("update sandbox_webhooks set status = 'DELIVERED' where id = ?", row.get("id"));
                delivered++;
            }
        }
        return delivered;
    }

    private SandboxPayments sandbox() {
        return new SandboxPayments(mvc, secret, clock);
    }

    private static String sessionOf(String page) {
        return page.substring(page.lastIndexOf('/') + 1);
    }

    private static RequestPostProcessor as(User user) {
        return authentication(Accounts.signedIn(user));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
