package org.guichet.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhooks ({@code guichet.webhooks.*}). Addresses: {@code require-https} refuses {@code http://} endpoints and
 * {@code allow-private-addresses} lets endpoints resolve to loopback, private, link-local and other internal
 * addresses (both default to the safe side, which production keeps; the default run and the tests open them).
 * Delivery: the sender looks for due deliveries every {@code poll-interval}; a failed attempt is tried again after
 * {@code retry-base-delay}, doubling up to {@code retry-max-delay}, until {@code retry-for} has passed since the
 * delivery was queued; then it fails, and an endpoint that has delivered nothing meanwhile is switched off.
 */
@ConfigurationProperties("guichet.webhooks")
record WebhookSettings(Duration pollInterval, Boolean allowPrivateAddresses, Boolean requireHttps,
        Duration retryBaseDelay, Duration retryMaxDelay, Duration retryFor, Duration connectTimeout,
        Duration readTimeout) {

    WebhookSettings {
        pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
        allowPrivateAddresses = allowPrivateAddresses != null && allowPrivateAddresses;
        requireHttps = requireHttps == null || requireHttps;
        retryBaseDelay = retryBaseDelay == null ? Duration.ofMinutes(1) : retryBaseDelay;
        retryMaxDelay = retryMaxDelay == null ? Duration.ofHours(6) : retryMaxDelay;
        retryFor = retryFor == null ? Duration.ofDays(3) : retryFor;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        if (retryBaseDelay.isNegative() || retryBaseDelay.isZero() || retryMaxDelay.compareTo(retryBaseDelay) < 0) {
            throw new IllegalArgumentException("guichet.webhooks: retry-base-delay must be positive and at most "
                    + "retry-max-delay");
        }
    }

    WebhookRetries retries() {
        return new WebhookRetries(retryBaseDelay, retryMaxDelay, retryFor);
    }
}
