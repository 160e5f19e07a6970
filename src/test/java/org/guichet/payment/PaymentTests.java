package org.guichet.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.guichet.account.AccountPrincipal;
import org.guichet.registration.OrderLifecycle;
import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.EventDetails;
import org.guichet.event.Visibility;
import org.guichet.payment.sandbox.WebhookSignature;
import org.guichet.registration.Order;
import org.guichet.registration.OrderStatus;
import org.guichet.registration.ParticipantOrders;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.Refused;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.SandboxPayments;
import org.guichet.support.TestEvents;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class PaymentTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    ParticipantOrders registrations;

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

    @Autowired
    org.guichet.account.UserRepository users;

    @Value("${guichet.payments.sandbox.webhook-secret}")
    String secret;

    User buyer;
    Event event;
    long type;

    @BeforeEach
    void paidEvent() {
        User organizer = Accounts.organizer(accounts);
        EventDetails base = testEvents.details("Opéra " + System.nanoTime(), "Nancy", "concert", 10, "45.50",
                Visibility.PUBLIC);
        event = testEvents.published(organizer, TestEvents.withCapacity(base, 2));
        type = ticketTypes.of(event.getId()).get(0).getId();
        buyer = Accounts.participant(accounts);
    }

    @Test
    void aPaidOrderHoldsItsSeatsUnpaidAndGoesToTheGatewaysPage() throws Exception {
        mvc.perform(post("/events/" + event.getId() + "/register").with(csrf()).with(signedIn(buyer))
                        .param("qty-" + type, "2"))
                .andExpect(redirectedUrlPattern("/sandbox/checkout/cs_test_*"));
        Order order = onlyOrderOf(buyer);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.getTotal()).isEqualByComparingTo("91.00");
        assertThat(order.getHoldExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(seatsTaken()).isEqualTo(2);

        String page = mvc.perform(post("/orders/" + order.getId() + "/pay").with(csrf()).with(signedIn(buyer)))
                .andExpect(redirectedUrlPattern("/sandbox/checkout/cs_test_*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(page)).andExpect(content().string(containsString("Test payment page.")))
                .andExpect(content().string(containsString("€91.00")));
        mvc.perform(get("/orders/" + order.getId() + "/return").with(signedIn(buyer)))
                .andExpect(content().string(containsString("being confirmed")))
                .andExpect(content().string(containsString("hx-trigger=\"every 2s\"")));
    }

    @Test
    void theSandboxPageChecksTheCardLikeARealForm() throws Exception {
        String page = checkoutPage(hold(2));
        mvc.perform(post(page).with(csrf()).param("number", "4242 4242 4242 4241").param("expiry", "13/30").param("cvc", "1"))
                .andExpect(content().string(containsString("Enter a valid card number.")))
                .andExpect(content().string(containsString("Enter the expiry date as MM/YY.")))
                .andExpect(content().string(containsString("Enter the 3 or 4 digit security code.")));
        mvc.perform(post(page).with(csrf()).param("number", "4242424242424242").param("expiry", "01/20").param("cvc", "123"))
                .andExpect(content().string(containsString("This card has expired.")));
        mvc.perform(post(page).with(csrf()).param("number", "4000 0000 0000 0002").param("expiry", "12/39").param("cvc", "123"))
                .andExpect(content().string(containsString("Your card was declined.")));
        mvc.perform(post(page).with(csrf()).param("number", "4000 0000 0000 9995").param("expiry", "12/39").param("cvc", "123"))
                .andExpect(content().string(containsString("insufficient funds")));
        assertThat(jdbc.queryForObject("select count(*) from sandbox_webhooks", Long.class)).isNotNull();
        long queuedBefore = jdbc.queryForObject("select count(*) from sandbox_webhooks", Long.class);
        mvc.perform(post(page).with(csrf()).param("number", "4242 4242 4242 4242").param("expiry", "12/39").param("cvc", "123"))
                .andExpect(redirectedUrlPattern("/orders/*/return"));
        assertThat(jdbc.queryForObject("select count(*) from sandbox_webhooks", Long.class)).isEqualTo(queuedBefore + 1);
    }

    @Test
    void onlyAVerifiedWebhookConfirmsTheOrderOnceWithReceiptAndTickets() throws Exception {
        Order order = hold(2);
        String body = payload("evt_" + order.getId(), order, "91.00");

        webhook(body, "t=" + clock.instant().getEpochSecond() + ",v1=" + "00".repeat(32)).andExpect(status().isBadRequest());
        webhook(body, WebhookSignature.header("another secret", clock.instant(), body)).andExpect(status().isBadRequest());
        webhook(body, WebhookSignature.header(secret, clock.instant().minus(Duration.ofMinutes(6)), body))
                .andExpect(status().isBadRequest());
        webhook(body.replace("91.00", "1.00"), WebhookSignature.header(secret, clock.instant(), body))
                .andExpect(status().isBadRequest());
        assertThat(orderStatus(order)).isEqualTo("PENDING_PAYMENT");

        webhook(body, WebhookSignature.header(secret, clock.instant(), body)).andExpect(status().isOk());
        webhook(body, WebhookSignature.header(secret, clock.instant(), body))
                .andExpect(content().string(containsString("duplicate")));
        assertThat(orderStatus(order)).isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForList("select status, payment_status from tickets where order_id = ?", order.getId()))
                .allSatisfy(row -> assertThat(row).containsEntry("status", "VALID").containsEntry("payment_status", "PAID"));
        assertThat(jdbc.queryForObject("select count(*) from payments where order_id = ?", Long.class, order.getId()))
                .isEqualTo(1);

        List<MimeMessage> mails = mail.deliverAndRead(buyer.getEmail());
        assertThat(mails).singleElement().satisfies(message ->
                assertThat(message.getSubject()).isEqualTo("Your tickets for " + event.getTitle()));
        assertThat(attachments(mails.get(0))).anyMatch(name -> name.startsWith("receipt-R-"))
                .anyMatch(name -> name.startsWith("tickets-GCH-"));
        mvc.perform(get("/orders/" + order.getId() + "/status").with(signedIn(buyer)))
                .andExpect(content().string(containsString("is confirmed")));
    }

    @Test
    void aWebhookForTheWrongAmountChangesNothing() throws Exception {
        Order order = hold(1);
        String body = payload("evt_wrong_" + order.getId(), order, "1.00");
        webhook(body, WebhookSignature.header(secret, clock.instant(), body)).andExpect(status().isOk());
        assertThat(orderStatus(order)).isEqualTo("PENDING_PAYMENT");
        assertThat(jdbc.queryForObject("select count(*) from payments where order_id = ?", Long.class, order.getId()))
                .isZero();
    }

    @Test
    void anUnpaidHoldExpiresItsSeatsReturnToSaleAndItsCheckoutPageCloses() throws Exception {
        Order order = hold(2);
        String page = checkoutPage(order);
        clock.advance(Duration.ofMinutes(16));
        assertThat(lifecycle.expireHolds()).isGreaterThanOrEqualTo(1);
        assertThat(orderStatus(order)).isEqualTo("EXPIRED");
        assertThat(seatsTaken()).isZero();
        assertThat(jdbc.queryForObject("select status from sandbox_sessions where order_id = ?", String.class,
                order.getId())).isEqualTo("EXPIRED");
        mvc.perform(get(page)).andExpect(content().string(containsString("This payment page has expired.")));
    }

    @Test
    void aLatePaymentIsHonouredWhileSeatsRemainAndRefundedOtherwise() throws Exception {
        Order late = hold(1);
        clock.advance(Duration.ofMinutes(16));
        lifecycle.expireHolds();
        String body = payload("evt_late_" + late.getId(), late, "45.50");
        webhook(body, WebhookSignature.header(secret, clock.instant(), body)).andExpect(status().isOk());
        assertThat(orderStatus(late)).isEqualTo("CONFIRMED");
        assertThat(seatsTaken()).isEqualTo(1);

        Order tooLate = hold(1);
        clock.advance(Duration.ofMinutes(16));
        lifecycle.expireHolds();
        User other = Accounts.participant(accounts);
        testEvents.register(other, event.getId(), type, 1);
        String lateBody = payload("evt_toolate_" + tooLate.getId(), tooLate, "45.50");
        webhook(lateBody, WebhookSignature.header(secret, clock.instant(), lateBody)).andExpect(status().isOk());
        assertThat(orderStatus(tooLate)).isEqualTo("EXPIRED");
        assertThat(jdbc.queryForObject("select refunded_amount from payments where order_id = ?",
                java.math.BigDecimal.class, tooLate.getId())).isEqualByComparingTo("45.50");
        assertThat(mail.deliverAndRead(buyer.getEmail()))
                .anyMatch(message -> subject(message).startsWith("Your payment for"));
    }

    @Test
    void cancellingAPaidEventRefundsEveryPaidOrderAndTellsEveryBuyer() throws Exception {
        Order paid = hold(1);
        String body = payload("evt_cancel_" + paid.getId(), paid, "45.50");
        webhook(body, WebhookSignature.header(secret, clock.instant(), body)).andExpect(status().isOk());
        User second = Accounts.participant(accounts);
        Order pending = testEvents.as(second, () -> registrations.register(AccountPrincipal.of(second), event.getId(),
                null, Map.of(type, 1)).order());
        mail.deliverAndRead(buyer.getEmail());

        long organizerId = jdbc.queryForObject("select organizer_id from events where id = ?", Long.class, event.getId());
        User organizer = users.findById(organizerId).orElseThrow();
        mvc.perform(post("/dashboard/events/" + event.getId() + "/cancel").with(csrf()).with(signedIn(organizer)))
                .andExpect(status().is3xxRedirection());

        assertThat(orderStatus(paid)).isEqualTo("REFUNDED");
        assertThat(orderStatus(pending)).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("select refunded_amount from payments where order_id = ?",
                java.math.BigDecimal.class, paid.getId())).isEqualByComparingTo("45.50");
        assertThat(jdbc.queryForList("select payment_status from tickets where order_id = ?", String.class, paid.getId()))
                .containsOnly("REFUNDED");
        assertThat(mail.deliverAndRead(buyer.getEmail())).anyMatch(message -> subject(message).endsWith("is cancelled"));
        assertThat(mail.deliverAndRead(second.getEmail())).anyMatch(message -> subject(message).endsWith("is cancelled"));
    }

    @Test
    void aBuyerCancelsAPaidOrderForARefundOnlyBeforeTheEventsDeadline() throws Exception {
        Order order = pay(hold(1));
        mvc.perform(post("/orders/" + order.getId() + "/refund").with(csrf()).with(signedIn(buyer)))
                .andExpect(Refused.flashed("payment.error.noRefund"));
        assertThat(orderStatus(order)).isEqualTo("CONFIRMED");

        jdbc.update("update events set refunds_until = ? where id = ?",
                java.sql.Timestamp.from(clock.instant().plus(Duration.ofDays(2))), event.getId());
        mvc.perform(get("/tickets").with(signedIn(buyer)))
                .andExpect(content().string(containsString("Cancel and get refunded")));
        mvc.perform(post("/orders/" + order.getId() + "/refund").with(csrf()).with(signedIn(buyer)))
                .andExpect(status().is3xxRedirection());
        assertThat(orderStatus(order)).isEqualTo("REFUNDED");
        assertThat(seatsTaken()).isZero();
        assertThat(jdbc.queryForObject("select refunded_amount from payments where order_id = ?",
                java.math.BigDecimal.class, order.getId())).isEqualByComparingTo("45.50");
        assertThat(mail.deliverAndRead(buyer.getEmail()))
                .anyMatch(message -> subject(message).startsWith("Your order for"));

        Order another = pay(hold(1));
        clock.advance(Duration.ofDays(3));
        mvc.perform(post("/orders/" + another.getId() + "/refund").with(csrf()).with(signedIn(buyer)))
                .andExpect(Refused.flashed("payment.error.noRefund"));
    }

    @Test
    void aRefundThatArrivesBeforeItsPaymentLeavesTheOrderRefundedEitherWay() throws Exception {
        Order early = hold(1);
        String refund = "{\"id\":\"evt_refund_" + early.getId() + "\",\"type\":\"charge.refunded\",\"data\":{"
                + "\"transaction\":\"pi_test_" + early.getId() + "\"}}";
        webhook(refund, WebhookSignature.header(secret, clock.instant(), refund)).andExpect(status().isOk());
        pay(early);
        assertThat(orderStatus(early)).isEqualTo("REFUNDED");
        assertThat(jdbc.queryForObject("select refunded_amount from payments where order_id = ?",
                java.math.BigDecimal.class, early.getId())).isEqualByComparingTo("45.50");

        Order inOrder = pay(hold(1));
        String later = "{\"id\":\"evt_refund_" + inOrder.getId() + "\",\"type\":\"charge.refunded\",\"data\":{"
                + "\"transaction\":\"pi_test_" + inOrder.getId() + "\"}}";
        webhook(later, WebhookSignature.header(secret, clock.instant(), later)).andExpect(status().isOk());
        assertThat(orderStatus(inOrder)).isEqualTo("REFUNDED");
        assertThat(seatsTaken()).isZero();
    }

    private Order pay(Order order) throws Exception {
        return sandbox().pay(order);
    }

    private SandboxPayments sandbox() {
        return new SandboxPayments(mvc, secret, clock);
    }

    private Order hold(int count) {
        return testEvents.register(buyer, event.getId(), type, count);
    }

    private String checkoutPage(Order order) throws Exception {
        return mvc.perform(post("/orders/" + order.getId() + "/pay").with(csrf()).with(signedIn(buyer)))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private ResultActions webhook(String body, String signature) throws Exception {
        return sandbox().deliver(body, signature);
    }

    private static String payload(String eventId, Order order, String amount) {
        return SandboxPayments.completed(eventId, order, amount);
    }

    private Order onlyOrderOf(User user) {
        long id = jdbc.queryForObject("select id from orders where user_id = ?", Long.class, user.getId());
        return testEvents.as(user, () -> registrations.ownOrder(AccountPrincipal.of(user), id));
    }

    private String orderStatus(Order order) {
        return jdbc.queryForObject("select status from orders where id = ?", String.class, order.getId());
    }

    private int seatsTaken() {
        return jdbc.queryForObject("select seats_taken from events where id = ?", Integer.class, event.getId());
    }

    private static List<String> attachments(MimeMessage message) throws Exception {
        MimeMultipart parts = (MimeMultipart) message.getContent();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null) {
                names.add(part.getFileName());
            }
        }
        return names;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(User user) {
        return authentication(Accounts.signedIn(user));
    }
}
