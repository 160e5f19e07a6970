package org.guichet.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.guichet.payment.GatewayNotice;
import org.guichet.payment.sandbox.WebhookSignature;
import org.junit.jupiter.api.Test;

/** Stripe's webhook scheme is the one the sandbox copies: the same signer makes valid test deliveries. */
class StripeNoticesTests {

    private static final String SECRET = "whsec_test_stripe";
    private final StripeNotices notices = new StripeNotices(SECRET);

    private static final String COMPLETED = """
            {"id":"evt_1","object":"event","type":"checkout.session.completed","api_version":"2025-09-30.clover",
             "data":{"object":{"id":"cs_test_a1","object":"checkout.session","client_reference_id":"42",
             "amount_total":4550,"currency":"eur","payment_status":"paid","payment_intent":"pi_test_9"}}}""";

    @Test
    void readsAPaidCheckoutSession() {
        GatewayNotice notice = notices.read(COMPLETED, WebhookSignature.header(SECRET, Instant.now(), COMPLETED))
                .orElseThrow();
        assertThat(notice.type()).isEqualTo(GatewayNotice.Type.PAYMENT_SUCCEEDED);
        assertThat(notice.eventId()).isEqualTo("evt_1");
        assertThat(notice.orderId()).isEqualTo(42);
        assertThat(notice.amount()).isEqualByComparingTo("45.50");
        assertThat(notice.currency()).isEqualTo("EUR");
        assertThat(notice.transactionRef()).isEqualTo("pi_test_9");
    }

    @Test
    void refusesABadSignatureAndAStaleOne() {
        assertThat(notices.read(COMPLETED, WebhookSignature.header("whsec_other", Instant.now(), COMPLETED))).isEmpty();
        assertThat(notices.read(COMPLETED,
                WebhookSignature.header(SECRET, Instant.now().minus(Duration.ofMinutes(6)), COMPLETED))).isEmpty();
        assertThat(notices.read(COMPLETED.replace("4550", "1"),
                WebhookSignature.header(SECRET, Instant.now(), COMPLETED))).isEmpty();
    }

    @Test
    void readsARefundByItsPaymentIntent() {
        String refunded = """
                {"id":"evt_2","object":"event","type":"charge.refunded","api_version":"2025-09-30.clover",
                 "data":{"object":{"id":"ch_1","object":"charge","payment_intent":"pi_test_9","amount_refunded":4550}}}""";
        assertThat(notices.read(refunded, WebhookSignature.header(SECRET, Instant.now(), refunded)))
                .hasValueSatisfying(notice -> {
                    assertThat(notice.type()).isEqualTo(GatewayNotice.Type.REFUNDED);
                    assertThat(notice.transactionRef()).isEqualTo("pi_test_9");
                });
    }

    @Test
    void readsAnExpiredCheckoutSessionWithItsOrderAndSession() {
        String expired = COMPLETED.replace("checkout.session.completed", "checkout.session.expired");
        assertThat(notices.read(expired, WebhookSignature.header(SECRET, Instant.now(), expired)))
                .hasValueSatisfying(notice -> {
                    assertThat(notice.type()).isEqualTo(GatewayNotice.Type.CHECKOUT_EXPIRED);
                    assertThat(notice.orderId()).isEqualTo(42);
                    assertThat(notice.transactionRef()).isEqualTo("cs_test_a1");
                });
    }

    @Test
    void aCompletedSessionWhoseMoneyHasNotArrivedIsNotAPayment() {
        String unpaid = COMPLETED.replace("\"payment_status\":\"paid\"", "\"payment_status\":\"unpaid\"");
        assertThat(notices.read(unpaid, WebhookSignature.header(SECRET, Instant.now(), unpaid)))
                .hasValueSatisfying(notice -> assertThat(notice.type()).isEqualTo(GatewayNotice.Type.OTHER));
    }

    @Test
    void passesOtherEventsOnWithoutEffect() {
        String other = COMPLETED.replace("checkout.session.completed", "customer.created");
        assertThat(notices.read(other, WebhookSignature.header(SECRET, Instant.now(), other)))
                .hasValueSatisfying(notice -> assertThat(notice.type()).isEqualTo(GatewayNotice.Type.OTHER));
    }
}
