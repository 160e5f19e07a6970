package org.guichet.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.notification.Mail;
import org.guichet.notification.Outbox;
import org.guichet.shared.AbsoluteLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts due deliveries: PENDING or RETRY → SENDING (claimed by a guarded update, so two senders, on two instances
 * or the schedule and a test, never post one twice) → DELIVERED on a 2xx, else RETRY with back-off
 * ({@link WebhookRetries}) until its time is up, then FAILED. A delivery given up on an endpoint that delivered
 * nothing since it was queued means the endpoint failed for the whole retry period: it is switched off, once, and
 * its owner mailed ({@code mail/webhook-disabled}). No HTTP inside a transaction: claim, post, record are three
 * steps. Several instances share the queue row by row, so no scheduler lock is needed.
 */
@Component
public class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final Set<WebhookDeliveryStatus> DUE = EnumSet.of(WebhookDeliveryStatus.PENDING,
            WebhookDeliveryStatus.RETRY);
    private static final int BATCH = 50;
    private static final Duration STALE_CLAIM = Duration.ofMinutes(10);

    private record Target(long deliveryId, String publicId, String url, String secret, String body) {
    }

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;
    private final WebhookTransport transport;
    private final WebhookRetries retries;
    private final UserRepository users;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AbsoluteLinks links;

    WebhookSender(WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints,
            WebhookTransport transport, WebhookSettings settings, UserRepository users, Outbox outbox,
            TransactionTemplate transactions, Clock clock, AbsoluteLinks links) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.transport = transport;
        this.retries = settings.retries();
        this.users = users;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.links = links;
    }

    /** Posts what is due; returns how many deliveries succeeded. */
    @Scheduled(fixedDelayString = "${guichet.webhooks.poll-interval:10s}",
            initialDelayString = "${guichet.webhooks.poll-interval:10s}")
    public int sendDue() {
        transactions.executeWithoutResult(status -> deliveries.releaseStaleClaims(clock.instant().minus(STALE_CLAIM)));
        List<Long> due = deliveries.findDue(DUE, clock.instant(), Limit.of(BATCH));
        int delivered = 0;
        for (Long id : due) {
            Boolean claimed = transactions.execute(status -> deliveries.claim(id, DUE, clock.instant()) == 1);
            if (Boolean.TRUE.equals(claimed) && deliver(id)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliver(long id) {
        Target target = transactions.execute(status -> {
            WebhookDelivery delivery = deliveries.findById(id).orElseThrow();
            WebhookEndpoint endpoint = endpoints.findById(delivery.getEndpointId()).orElseThrow();
            return new Target(id, delivery.getPublicId(), endpoint.getUrl(), endpoint.getSecret(),
                    delivery.getPayload());
        });
        WebhookTransport.Attempt attempt = transport.post(target.url(), target.publicId(), target.body(),
                target.secret(), clock.instant());
        transactions.executeWithoutResult(status -> record(id, attempt));
        return attempt.succeeded();
    }

    private void record(long id, WebhookTransport.Attempt attempt) {
        Instant now = clock.instant();
        WebhookDelivery delivery = deliveries.findById(id).orElseThrow();
        WebhookEndpoint endpoint = endpoints.findById(delivery.getEndpointId()).orElseThrow();
        if (attempt.succeeded()) {
            delivery.delivered(attempt.statusCode(), attempt.snippet(), now);
            endpoints.markDelivered(endpoint.getId(), now);
            return;
        }
        boolean gaveUp = delivery.failed(attempt.statusCode(), attempt.snippet(), attempt.error(), now, retries);
        String answer = attempt.statusCode() == null ? attempt.error() : "HTTP " + attempt.statusCode();
        if (!gaveUp) {
            log.info("Webhook delivery {} to endpoint {} failed (attempt {}): {}", id, endpoint.getId(),
                    delivery.getAttempts(), answer);
            return;
        }
        log.warn("Webhook delivery {} to endpoint {} given up after {} attempts: {}", id, endpoint.getId(),
                delivery.getAttempts(), answer);
        if (endpoint.deliveredNothingSince(delivery.getQueuedAt())
                && endpoints.switchOffForFailing(endpoint.getId(), now) == 1) {
            log.warn("Webhook endpoint {} switched off: nothing delivered for {}", endpoint.getId(),
                    retries.retryFor());
            tellOwner(endpoint, delivery.getQueuedAt());
        }
    }

    private void tellOwner(WebhookEndpoint endpoint, Instant failingSince) {
        User owner = users.findById(endpoint.getOwnerId()).orElseThrow();
        String since = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(owner.getLanguage()).withZone(ZoneId.of("UTC")).format(failingSince) + " UTC";
        outbox.enqueue(new Mail(owner.getEmail(), owner.getLanguage(), "webhook-disabled", Map.of(
                "firstName", owner.getFirstName(),
                "url", endpoint.getUrl(),
                "since", since,
                "link", links.base() + "/dashboard/webhooks/" + endpoint.getId()), List.of(endpoint.getUrl())));
    }
}
