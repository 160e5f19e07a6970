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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.guichet.account.AccountPrincipal;
import org.guichet.shared.Refusal;
import org.guichet.registration.OrderLifecycle;
import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.EventDetails;
import org.guichet.event.Visibility;
import org.guichet.payment.sandbox.WebhookSignature;
import org.guichet.registration.Order;
import org.guichet.registration.ParticipantOrders;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.TestEvents;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The whole payment flow with the Stripe adapter switched on: Guichet talks to a local stub of Stripe's API and
 * receives webhooks signed with the test secret, as Stripe signs them. No network.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "guichet.payments.stripe.secret-key=sk_test_guichet",
        "guichet.payments.stripe.webhook-secret=" + StripeCheckoutTests.SECRET,
        "guichet.receipts.tax-rate=5.5",
        "guichet.receipts.tax-name=TVA",
        "guichet.receipts.seller-tax-number=FR12345678901"})
class StripeCheckoutTests {

    static final String SECRET = "whsec_test_stripe_in_context";
    private static final StripeStub STRIPE = StripeStub.start();

    @DynamicPropertySource
    static void stripeApi(DynamicPropertyRegistry registry) {
        registry.add("guichet.payments.stripe.api-base", STRIPE::base);
    }

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
    Refunds refunds;

    @Value("${guichet.payments.sandbox.webhook-secret}")
    String sandboxSecret;

    @Autowired
    org.guichet.account.UserRepository users;

    User organizer;
    User buyer;
    Event event;
    long type;

    @BeforeEach
    void paidEvent() {
        organizer = Accounts.organizer(accounts);
        EventDetails base = testEvents.details("Récital " + System.nanoTime(), "Metz", "concert", 10, "21.10",
                Visibility.PUBLIC);
        event = testEvents.published(organizer, TestEvents.withCapacity(base, 2));
        type = ticketTypes.of(event.getId()).get(0).getId();
        buyer = Accounts.participant(accounts);
        STRIPE.refundsFailing.set(0);
    }

    @Test
    void aBuyerPaysOnStripeCheckoutAndOnlyTheSignedWebhookConfirmsWithATaxedReceipt() throws Exception {
        Order order = hold(2);
        String session = checkout(order);
        Map<String, String> form = STRIPE.lastForm("/v1/checkout/sessions");
        assertThat(form).containsEntry("client_reference_id", String.valueOf(order.getId()))
                .containsEntry("line_items[0][price_data][unit_amount]", "4220")
                .containsEntry("line_items[0][price_data][currency]", "eur");
        mvc.perform(get("/orders/" + order.getId() + "/return").with(signedIn(buyer)))
                .andExpect(content().string(containsString("being confirmed")));
        assertThat(orderStatus(order)).isEqualTo("PENDING_PAYMENT");

        String completed = completed("evt_ok_" + order.getId(), order, session, 4220);
        stripeWebhook(completed, "t=" + Instant.now().getEpochSecond() + ",v1=" + "ab".repeat(32))
                .andExpect(status().isBadRequest());
        stripeWebhook(completed, WebhookSignature.header(SECRET, Instant.now().minus(Duration.ofMinutes(6)), completed))
                .andExpect(status().isBadRequest());
        stripeWebhook(completed.replace("4220", "1"), WebhookSignature.header(SECRET, Instant.now(), completed))
                .andExpect(status().isBadRequest());
        assertThat(orderStatus(order)).isEqualTo("PENDING_PAYMENT");

        stripeWebhook(completed, signed(completed)).andExpect(status().isOk());
        stripeWebhook(completed, signed(completed)).andExpect(content().string(containsString("duplicate")));
        assertThat(orderStatus(order)).isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForMap("select gateway, transaction_ref, amount from payments where order_id = ?",
                order.getId())).containsEntry("gateway", "stripe").containsEntry("transaction_ref", "pi_" + order.getId());

        List<MimeMessage> mails = mail.deliverAndRead(buyer.getEmail());
        assertThat(mails).singleElement();
        String receipt = pdfText(mails.get(0), "receipt-");
        assertThat(receipt).contains("FR12345678901", "Total before tax", "€40.00", "TVA at 5.5 %", "€2.20",
                "Total paid, tax included", "€42.20", "pi_" + order.getId());
        assertThat(receipt).doesNotContain("No tax is charged");
    }

    @Test
    void concurrentBuyersForTheLastSeatsReachStripeOnlyAsManyAsThereAreSeats() throws Exception {
        List<User> buyers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            buyers.add(Accounts.participant(accounts));
        }
        ExecutorService pool = Executors.newFixedThreadPool(buyers.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Order>> attempts = new ArrayList<>();
        for (User each : buyers) {
            Callable<Order> attempt = () -> {
                start.await();
                try {
                    return testEvents.as(each, () -> registrations.register(AccountPrincipal.of(each), event.getId(),
                            null, Map.of(type, 1)).order());
                } catch (Refusal soldOut) {
                    return null;
                }
            };
            attempts.add(pool.submit(attempt));
        }
        start.countDown();
        List<Order> held = new ArrayList<>();
        for (Future<Order> attempt : attempts) {
            Order order = attempt.get();
            if (order != null) {
                held.add(order);
            }
        }
        pool.shutdown();
        assertThat(held).hasSize(2);
        for (Order order : held) {
            User holder = buyers.stream().filter(user -> user.getId().equals(order.getUserId())).findFirst().orElseThrow();
            String location = mvc.perform(post("/orders/" + order.getId() + "/pay").with(csrf()).with(signedIn(holder)))
                    .andReturn().getResponse().getRedirectedUrl();
            String session = location.substring(location.lastIndexOf('/') + 1);
            String completed = completed("evt_last_" + order.getId(), order, session, 2110);
            stripeWebhook(completed, signed(completed)).andExpect(status().isOk());
        }
        assertThat(jdbc.queryForObject("select count(*) from orders where event_id = ? and status = 'CONFIRMED'",
                Integer.class, event.getId())).isEqualTo(2);
        assertThat(seatsTaken()).isEqualTo(2);
    }

    @Test
    void theSameDeliveryRacingInTwiceHasOneEffect() throws Exception {
        Order order = hold(1);
        String session = checkout(order);
        String completed = completed("evt_race_" + order.getId(), order, session, 2110);
        String signature = signed(completed);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<Integer> delivery = () -> {
                start.await();
                return stripeWebhook(completed, signature).andReturn().getResponse().getStatus();
            };
            answers.add(pool.submit(delivery));
        }
        start.countDown();
        for (Future<Integer> answer : answers) {
            // A loser of the race on the unique event id is told to retry, as gateways do: never a second effect.
            assertThat(answer.get()).isIn(200, 409);
        }
        pool.shutdown();
        assertThat(jdbc.queryForObject("select count(*) from payments where order_id = ?", Long.class, order.getId()))
                .isEqualTo(1);
        assertThat(mail.deliverAndRead(buyer.getEmail())).hasSize(1);
    }

    @Test
    void aRefundReportedBeforeItsPaymentLeavesTheOrderRefunded() throws Exception {
        Order order = hold(1);
        String session = checkout(order);
        String refunded = """
                {"id":"evt_rf_%d","object":"event","type":"charge.refunded","api_version":"2025-09-30.clover",
                 "data":{"object":{"id":"ch_%d","object":"charge","payment_intent":"pi_%d","amount_refunded":2110}}}"""
                .formatted(order.getId(), order.getId(), order.getId());
        stripeWebhook(refunded, signed(refunded)).andExpect(status().isOk());
        String completed = completed("evt_after_" + order.getId(), order, session, 2110);
        stripeWebhook(completed, signed(completed)).andExpect(status().isOk());

        assertThat(orderStatus(order)).isEqualTo("REFUNDED");
        assertThat(seatsTaken()).isZero();
        assertThat(jdbc.queryForMap("select refunded_amount, refund_status from payments where order_id = ?",
                order.getId())).containsEntry("refund_status", "DONE")
                .satisfies(row -> assertThat((BigDecimal) row.get("refunded_amount")).isEqualByComparingTo("21.10"));
        assertThat(STRIPE.refundsOf("pi_" + order.getId())).isZero();
    }

    @Test
    void aPaymentLandingAfterItsSeatsWereSoldIsRefundedThroughStripeAndTheBuyerTold() throws Exception {
        Order late = hold(2);
        String session = checkout(late);
        clock.advance(Duration.ofMinutes(16));
        lifecycle.expireHolds();
        assertThat(STRIPE.calls).contains("/v1/checkout/sessions/" + session + "/expire");
        User other = Accounts.participant(accounts);
        testEvents.register(other, event.getId(), type, 1);

        String completed = completed("evt_late_" + late.getId(), late, session, 4220);
        stripeWebhook(completed, signed(completed)).andExpect(status().isOk());

        assertThat(orderStatus(late)).isEqualTo("EXPIRED");
        await().atMost(Duration.ofSeconds(10)).until(() -> "DONE".equals(refundStatus(late)));
        assertThat(STRIPE.refundsOf("pi_" + late.getId())).isEqualTo(1);
        assertThat(STRIPE.idempotencyKeys).contains("guichet-refund-pi_" + late.getId());
        assertThat(mail.deliverAndRead(buyer.getEmail()))
                .anyMatch(message -> subject(message).startsWith("Your payment for"));
    }

    @Test
    void stripeClosingTheCheckoutReleasesTheHoldAtOnceUnlessANewerPageIsOpen() throws Exception {
        Order order = hold(2);
        String first = checkout(order);
        mvc.perform(post("/orders/" + order.getId() + "/pay").with(csrf()).with(signedIn(buyer)))
                .andExpect(redirectedUrl("https://checkout.stripe.test/" + first));
        assertThat(STRIPE.sessions.get()).as("a second visit reuses the open page").isEqualTo(sessionNumber(first));
        STRIPE.sessionStates.computeIfPresent(first, (id, state) -> new String[] {"expired", state[1]});
        String second = checkout(order);
        String expiredFirst = expired("evt_exp1_" + order.getId(), order, first);
        stripeWebhook(expiredFirst, signed(expiredFirst)).andExpect(status().isOk());
        assertThat(orderStatus(order)).isEqualTo("PENDING_PAYMENT");

        String expiredSecond = expired("evt_exp2_" + order.getId(), order, second);
        stripeWebhook(expiredSecond, signed(expiredSecond)).andExpect(status().isOk());
        assertThat(orderStatus(order)).isEqualTo("EXPIRED");
        assertThat(seatsTaken()).isZero();
    }

    @Test
    void cancellingTheEventRefundsThroughStripeAndARefundStripeRefusesIsRetriedUntilTaken() throws Exception {
        Order paid = pay(hold(1));
        User second = Accounts.participant(accounts);
        Order pending = testEvents.as(second, () -> registrations.register(AccountPrincipal.of(second), event.getId(),
                null, Map.of(type, 1)).order());
        STRIPE.refundsFailing.set(1_000);

        mvc.perform(post("/dashboard/events/" + event.getId() + "/cancel").with(csrf()).with(signedIn(organizer)))
                .andExpect(status().is3xxRedirection());

        assertThat(orderStatus(paid)).isEqualTo("REFUNDED");
        assertThat(orderStatus(pending)).isEqualTo("CANCELLED");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select refund_attempts from payments where order_id = ?", Integer.class, paid.getId()) == 1);
        assertThat(refundStatus(paid)).isEqualTo("PENDING");
        assertThat(mail.deliverAndRead(buyer.getEmail())).anyMatch(message -> subject(message).endsWith("is cancelled"));

        STRIPE.refundsFailing.set(0);
        clock.advance(Duration.ofSeconds(30));
        assertThat(refundsDue()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(refundsDue()).isEqualTo(1);
        assertThat(jdbc.queryForMap("select refund_status, refund_reference from payments where order_id = ?",
                paid.getId())).containsEntry("refund_status", "DONE").containsEntry("refund_reference", "re_pi_" + paid.getId());
        assertThat(refundsDue()).isZero();
    }

    @Test
    void theSandboxStillTakesRefundsForItsOwnPaymentsWhileStripeIsActive() throws Exception {
        Order order = hold(1);
        jdbc.update("update orders set gateway = 'sandbox' where id = ?", order.getId());
        String body = "{\"id\":\"evt_sb_" + order.getId() + "\",\"type\":\"checkout.session.completed\",\"data\":{"
                + "\"orderId\":" + order.getId() + ",\"amount\":\"21.10\",\"currency\":\"EUR\",\"transaction\":\"pi_sb_"
                + order.getId() + "\"}}";
        mvc.perform(post("/payments/webhook/sandbox").contentType(MediaType.APPLICATION_JSON)
                .header(WebhookSignature.HEADER, WebhookSignature.header(sandboxSecret, clock.instant(), body))
                .content(body)).andExpect(status().isOk());
        jdbc.update("update events set refunds_until = ? where id = ?",
                java.sql.Timestamp.from(clock.instant().plus(Duration.ofDays(2))), event.getId());
        mvc.perform(post("/orders/" + order.getId() + "/refund").with(csrf()).with(signedIn(buyer)))
                .andExpect(status().is3xxRedirection());
        await().atMost(Duration.ofSeconds(10)).until(() -> "DONE".equals(refundStatus(order)));
        assertThat(STRIPE.refundsOf("pi_sb_" + order.getId())).isZero();
    }

    private int refundsDue() {
        return refunds.sendDue();
    }

    private String refundStatus(Order order) {
        return jdbc.queryForObject("select refund_status from payments where order_id = ?", String.class, order.getId());
    }

    private Order pay(Order order) throws Exception {
        String session = checkout(order);
        String completed = completed("evt_pay_" + order.getId(), order, session,
                order.getTotal().movePointRight(2).intValueExact());
        stripeWebhook(completed, signed(completed)).andExpect(status().isOk());
        mail.deliverAndRead(buyer.getEmail());
        return order;
    }

    private Order hold(int count) {
        return testEvents.register(buyer, event.getId(), type, count);
    }

    private static int sessionNumber(String session) {
        return Integer.parseInt(session.substring("cs_test_".length()));
    }

    /** Opens Stripe Checkout for the order as the buyer's browser would; the session's id. */
    private String checkout(Order order) throws Exception {
        int before = STRIPE.sessions.get();
        mvc.perform(post("/orders/" + order.getId() + "/pay").with(csrf()).with(signedIn(buyer)))
                .andExpect(redirectedUrl("https://checkout.stripe.test/cs_test_" + (before + 1)));
        return "cs_test_" + (before + 1);
    }

    private ResultActions stripeWebhook(String body, String signature) throws Exception {
        return mvc.perform(post("/payments/webhook/stripe").contentType(MediaType.APPLICATION_JSON)
                .header("Stripe-Signature", signature).content(body));
    }

    private static String signed(String body) {
        return WebhookSignature.header(SECRET, Instant.now(), body);
    }

    private static String completed(String eventId, Order order, String session, int cents) {
        return """
                {"id":"%s","object":"event","type":"checkout.session.completed","api_version":"2025-09-30.clover",
                 "data":{"object":{"id":"%s","object":"checkout.session","client_reference_id":"%d",
                 "amount_total":%d,"currency":"eur","payment_status":"paid","payment_intent":"pi_%d"}}}"""
                .formatted(eventId, session, order.getId(), cents, order.getId());
    }

    private static String expired(String eventId, Order order, String session) {
        return """
                {"id":"%s","object":"event","type":"checkout.session.expired","api_version":"2025-09-30.clover",
                 "data":{"object":{"id":"%s","object":"checkout.session","client_reference_id":"%d",
                 "amount_total":4220,"currency":"eur","payment_status":"unpaid"}}}"""
                .formatted(eventId, session, order.getId());
    }

    private String orderStatus(Order order) {
        return jdbc.queryForObject("select status from orders where id = ?", String.class, order.getId());
    }

    private int seatsTaken() {
        return jdbc.queryForObject("select seats_taken from events where id = ?", Integer.class, event.getId());
    }

    private static String pdfText(MimeMessage message, String prefix) throws Exception {
        MimeMultipart parts = (MimeMultipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null && part.getFileName().startsWith(prefix)) {
                try (InputStream in = part.getInputStream()) {
                    PdfReader reader = new PdfReader(in);
                    return new PdfTextExtractor(reader).getTextFromPage(1);
                }
            }
        }
        throw new AssertionError("No attachment starting with " + prefix);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RequestPostProcessor signedIn(User user) {
        return authentication(Accounts.signedIn(user));
    }

    /** Stripe's API as far as Guichet uses it: creating and expiring Checkout Sessions, creating refunds. */
    static final class StripeStub {

        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();
        final List<Map.Entry<String, Map<String, String>>> forms = new CopyOnWriteArrayList<>();
        final AtomicInteger sessions = new AtomicInteger();
        final AtomicInteger refundsFailing = new AtomicInteger();
        /** Each session's status and expiry, as Stripe would answer a retrieve. */
        final Map<String, String[]> sessionStates = new java.util.concurrent.ConcurrentHashMap<>();
        private HttpServer server;

        static StripeStub start() {
            StripeStub stub = new StripeStub();
            try {
                stub.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            stub.server.createContext("/", stub::handle);
            stub.server.start();
            return stub;
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        Map<String, String> lastForm(String path) {
            return forms.stream().filter(form -> form.getKey().equals(path)).reduce((a, b) -> b).orElseThrow().getValue();
        }

        long refundsOf(String paymentIntent) {
            return forms.stream().filter(form -> form.getKey().equals("/v1/refunds")
                    && paymentIntent.equals(form.getValue().get("payment_intent"))).count();
        }

        private String session(String id) {
            String[] state = sessionStates.get(id);
            return "{\"id\":\"" + id + "\",\"object\":\"checkout.session\",\"status\":\"" + state[0]
                    + "\",\"expires_at\":" + state[1] + ",\"url\":\"https://checkout.stripe.test/" + id + "\"}";
        }

        private synchronized void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> form = new java.util.LinkedHashMap<>();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            for (String pair : body.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            calls.add(path);
            forms.add(Map.entry(path, form));
            String answer;
            int status = 200;
            if (path.equals("/v1/checkout/sessions")) {
                String id = "cs_test_" + sessions.incrementAndGet();
                sessionStates.put(id, new String[] {"open", form.getOrDefault("expires_at", "0")});
                answer = session(id);
            } else if (path.matches("/v1/checkout/sessions/[^/]+/expire")) {
                sessionStates.computeIfPresent(path.split("/")[4], (id, state) -> new String[] {"expired", state[1]});
                answer = "{\"id\":\"" + path.split("/")[4] + "\",\"object\":\"checkout.session\",\"status\":\"expired\"}";
            } else if (path.matches("/v1/checkout/sessions/[^/]+") && sessionStates.containsKey(path.split("/")[4])) {
                answer = session(path.split("/")[4]);
            } else if (path.equals("/v1/refunds")) {
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                if (key != null) {
                    idempotencyKeys.add(key);
                }
                if (refundsFailing.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                    status = 500;
                    answer = "{\"error\":{\"type\":\"api_error\",\"message\":\"stub outage\"}}";
                } else {
                    answer = "{\"id\":\"re_" + form.get("payment_intent") + "\",\"object\":\"refund\",\"status\":\"succeeded\"}";
                }
            } else {
                status = 404;
                answer = "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"unknown\"}}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }
}
