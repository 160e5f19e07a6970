package org.guichet.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.guichet.shared.Refusal;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** A delivery's states and back-off, and an endpoint's switching, without Spring. */
class WebhookDeliveryTransitionsTests {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final WebhookRetries RETRIES = new WebhookRetries(Duration.ofMinutes(1), Duration.ofHours(6),
            Duration.ofDays(3));

    @Test
    void backOffDoublesFromOneMinuteUpToSixHoursAndStopsAtThreeDays() {
        assertThat(RETRIES.nextAttempt(1, T0, T0)).contains(T0.plus(Duration.ofMinutes(1)));
        assertThat(RETRIES.nextAttempt(2, T0, T0)).contains(T0.plus(Duration.ofMinutes(2)));
        assertThat(RETRIES.nextAttempt(5, T0, T0)).contains(T0.plus(Duration.ofMinutes(16)));
        assertThat(RETRIES.nextAttempt(9, T0, T0)).contains(T0.plus(Duration.ofMinutes(256)));
        assertThat(RETRIES.nextAttempt(10, T0, T0)).contains(T0.plus(Duration.ofHours(6)));
        assertThat(RETRIES.nextAttempt(60, T0, T0)).contains(T0.plus(Duration.ofHours(6)));
        Instant late = T0.plus(Duration.ofDays(3)).minus(Duration.ofHours(1));
        assertThat(RETRIES.nextAttempt(20, T0, late)).as("the last attempt falls on the deadline")
                .contains(T0.plus(Duration.ofDays(3)));
        assertThat(RETRIES.nextAttempt(21, T0, T0.plus(Duration.ofDays(3)))).isEmpty();
    }

    @Test
    void aDeliveryIsRetriedThenDeliveredOrFailed() {
        WebhookDelivery delivery = sending();
        assertThat(delivery.failed(500, "oops", null, T0, RETRIES)).isFalse();
        assertThat(delivery.getStatus()).isEqualTo(WebhookDeliveryStatus.RETRY);
        assertThat(delivery.getNextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(delivery.getResponseStatus()).isEqualTo(500);

        claim(delivery);
        delivery.delivered(204, "", T0.plusSeconds(60));
        assertThat(delivery.getStatus()).isEqualTo(WebhookDeliveryStatus.DELIVERED);
        assertThat(delivery.getAttempts()).isEqualTo(2);
        assertThat(delivery.getNextAttemptAt()).isNull();

        WebhookDelivery failing = sending();
        assertThat(failing.failed(null, null, "x".repeat(900), T0.plus(Duration.ofDays(3)), RETRIES)).isTrue();
        assertThat(failing.getStatus()).isEqualTo(WebhookDeliveryStatus.FAILED);
        assertThat(failing.getLastError()).hasSize(WebhookDelivery.MAX_SNIPPET);
    }

    @Test
    void onlyAClaimedDeliveryRecordsAnAttemptAndOneBeingSentCannotBeResent() {
        WebhookDelivery pending = new WebhookDelivery(1, "id", WebhookEventType.ORDER_CONFIRMED, "{}", T0);
        assertThatThrownBy(() -> pending.delivered(200, "", T0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pending.failed(500, "", null, T0, RETRIES)).isInstanceOf(IllegalStateException.class);
        WebhookDelivery sending = sending();
        assertThat(sending.canResend()).isFalse();
        assertThatThrownBy(() -> sending.resend(T0)).isInstanceOf(Refusal.class);

        sending.failed(null, null, "timeout", T0, RETRIES);
        claim(sending);
        sending.failed(null, null, "timeout", T0.plus(Duration.ofDays(3)), RETRIES);
        sending.resend(T0.plus(Duration.ofDays(4)));
        assertThat(sending.getStatus()).isEqualTo(WebhookDeliveryStatus.PENDING);
        assertThat(sending.getAttempts()).isZero();
        assertThat(sending.getNextAttemptAt()).isEqualTo(T0.plus(Duration.ofDays(4)));
        assertThat(sending.getQueuedAt()).isEqualTo(T0.plus(Duration.ofDays(4)));
    }

    @Test
    void anEndpointIsSwitchedOffAndOnOnceEach() {
        WebhookEndpoint endpoint = new WebhookEndpoint(7, new WebhookEndpointDetails("https://a.example/",
                null, Set.of(WebhookEventType.ORDER_CONFIRMED), null), T0);
        assertThat(endpoint.wants(WebhookEventType.ORDER_CONFIRMED)).isTrue();
        assertThat(endpoint.wants(WebhookEventType.EVENT_CANCELLED)).isFalse();
        assertThatThrownBy(endpoint::enable).isInstanceOf(Refusal.class);
        endpoint.disable(T0);
        assertThat(endpoint.wants(WebhookEventType.ORDER_CONFIRMED)).isFalse();
        assertThatThrownBy(() -> endpoint.disable(T0)).isInstanceOf(Refusal.class);
        endpoint.enable();
        assertThat(endpoint.isEnabled()).isTrue();
        String first = endpoint.getSecret();
        assertThat(first).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(endpoint.rotateSecret(T0)).isNotEqualTo(first).isEqualTo(endpoint.getSecret());
    }

    private static WebhookDelivery sending() {
        WebhookDelivery delivery = new WebhookDelivery(1, "id", WebhookEventType.ORDER_CONFIRMED, "{}", T0);
        claim(delivery);
        return delivery;
    }

    private static void claim(WebhookDelivery delivery) {
        ReflectionTestUtils.setField(delivery, "status", WebhookDeliveryStatus.SENDING);
    }
}
