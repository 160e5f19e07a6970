package org.guichet.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.guichet.payment.Checkout;
import org.guichet.payment.CheckoutRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Stripe adapter against a local HTTP stub of Stripe's API: no network. */
class StripeGatewayTests {

    private final Map<String, String> received = new ConcurrentHashMap<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private HttpServer stripe;

    @BeforeEach
    void startStub() throws IOException {
        stripe = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stripe.createContext("/v1/checkout/sessions", exchange -> answer(exchange,
                "{\"id\":\"cs_test_a1\",\"object\":\"checkout.session\",\"url\":\"https://checkout.example/cs_test_a1\"}"));
        stripe.createContext("/v1/refunds", exchange -> answer(exchange,
                "{\"id\":\"re_test_1\",\"object\":\"refund\",\"status\":\"succeeded\"}"));
        stripe.start();
    }

    @AfterEach
    void stopStub() {
        stripe.stop(0);
    }

    @Test
    void opensACheckoutSessionForTheOrderInMinorUnitsLivingAtLeastThirtyMinutes() {
        StripeGateway gateway = new StripeGateway("sk_test_123", "http://127.0.0.1:" + stripe.getAddress().getPort(), clock);
        Checkout checkout = gateway.open(new CheckoutRequest(42, "GCH-ABCD-EF", new BigDecimal("45.50"), "EUR",
                "Opéra", "buyer@example.org", "https://tickets.example/orders/42/return",
                clock.instant().plus(Duration.ofMinutes(15))));

        assertThat(checkout.sessionId()).isEqualTo("cs_test_a1");
        assertThat(checkout.redirectUrl()).isEqualTo("https://checkout.example/cs_test_a1");
        String form = URLDecoder.decode(received.get("/v1/checkout/sessions"), StandardCharsets.UTF_8);
        assertThat(form).contains("client_reference_id=42", "mode=payment",
                "line_items[0][price_data][unit_amount]=4550", "line_items[0][price_data][currency]=eur",
                "expires_at=" + clock.instant().plus(Duration.ofMinutes(31)).getEpochSecond());
        assertThat(received.get("authorization")).isEqualTo("Bearer sk_test_123");
    }

    @Test
    void refundsThroughTheApi() {
        StripeGateway gateway = new StripeGateway("sk_test_123", "http://127.0.0.1:" + stripe.getAddress().getPort(), clock);
        org.guichet.payment.Payment payment = org.guichet.payment.PaymentFixtures.paid("pi_test_9", "45.50");
        assertThat(gateway.refund(payment)).isEqualTo("re_test_1");
        assertThat(URLDecoder.decode(received.get("/v1/refunds"), StandardCharsets.UTF_8)).contains("payment_intent=pi_test_9");
    }

    @Test
    void expiresASessionWhoseHoldEndedFirst() {
        stripe.createContext("/v1/checkout/sessions/cs_test_a1", exchange -> answer(exchange,
                "{\"id\":\"cs_test_a1\",\"object\":\"checkout.session\",\"status\":\"open\"}"));
        stripe.createContext("/v1/checkout/sessions/cs_test_a1/expire", exchange -> answer(exchange,
                "{\"id\":\"cs_test_a1\",\"object\":\"checkout.session\",\"status\":\"expired\"}"));
        StripeGateway gateway = new StripeGateway("sk_test_123", "http://127.0.0.1:" + stripe.getAddress().getPort(), clock);
        gateway.expire("cs_test_a1");
        assertThat(received).containsKey("/v1/checkout/sessions/cs_test_a1/expire");
    }

    @Test
    void countsMinorUnitsByCurrency() {
        assertThat(StripeGateway.minorUnits(new BigDecimal("12.34"), "EUR")).isEqualTo(1234);
        assertThat(StripeGateway.minorUnits(new BigDecimal("500"), "JPY")).isEqualTo(500);
    }

    private void answer(HttpExchange exchange, String json) throws IOException {
        received.put(exchange.getRequestURI().getPath(),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        received.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
