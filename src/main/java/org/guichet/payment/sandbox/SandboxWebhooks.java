package org.guichet.payment.sandbox;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * Delivers the sandbox's webhooks to Guichet's webhook URL over HTTP, signed and timestamped at each attempt,
 * asynchronously and with retries, like a real gateway does.
 */
@Component
public class SandboxWebhooks {

    private static final Logger log = LoggerFactory.getLogger(SandboxWebhooks.class);

    private final SandboxWebhookRepository webhooks;
    private final SandboxSecret secret;
    private final TransactionTemplate transactions;
    private final Environment environment;
    private final Clock clock;
    private final RestClient http = RestClient.create();

    SandboxWebhooks(SandboxWebhookRepository webhooks, SandboxSecret secret, TransactionTemplate transactions,
            Environment environment, Clock clock) {
        this.webhooks = webhooks;
        this.secret = secret;
        this.transactions = transactions;
        this.environment = environment;
        this.clock = clock;
    }

    void queue(String payload) {
        webhooks.save(new SandboxWebhook(payload, clock.instant()));
    }

    /** Sends what is due; returns how many Guichet accepted. */
    @Scheduled(fixedDelayString = "${guichet.payments.sandbox.delivery-interval:2s}")
    public int deliverDue() {
        List<SandboxWebhook> due = webhooks.findDue(clock.instant());
        int accepted = 0;
        for (SandboxWebhook webhook : due) {
            boolean ok = post(webhook.getPayload());
            transactions.executeWithoutResult(status -> webhooks.findById(webhook.getId()).ifPresent(found -> {
                if (ok) {
                    found.delivered();
                } else {
                    found.failed(clock.instant());
                }
            }));
            accepted += ok ? 1 : 0;
        }
        return accepted;
    }

    private boolean post(String payload) {
        try {
            http.post().uri(webhookUrl())
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(WebhookSignature.HEADER, WebhookSignature.header(secret.value(), clock.instant(), payload))
                    .body(payload)
                    .retrieve()
                    .toBodilessEntity();
            return true;
        } catch (RuntimeException e) {
            log.warn("Sandbox webhook not accepted yet: {}", e.toString());
            return false;
        }
    }

    /** Read at each delivery: in tests the server's port is only known once it listens. */
    private String webhookUrl() {
        String configured = environment.getProperty("guichet.payments.sandbox.webhook-url");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port + "/payments/webhook/sandbox";
    }
}
