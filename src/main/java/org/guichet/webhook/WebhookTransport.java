package org.guichet.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One HTTP attempt: the address checked again right before connecting ({@link WebhookAddresses}; the JVM keeps a
 * name's answer for 30 seconds, so the connection that follows uses the address just checked), a {@code POST} with
 * the signed headers, short time-outs, redirects never followed (a 3xx is a failure), and the first
 * {@value WebhookDelivery#MAX_SNIPPET} characters of the answer kept. Never called inside a transaction.
 */
class WebhookTransport {

    /** What one attempt got: a status code with the start of the answer, or no status and the error. */
    record Attempt(Integer statusCode, String snippet, String error) {
        boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    static final String ID = "Guichet-Webhook-Id";
    static final String TIMESTAMP = "Guichet-Webhook-Timestamp";
    static final String SIGNATURE = "Guichet-Webhook-Signature";

    private final HttpClient client;
    private final WebhookAddresses addresses;
    private final WebhookSettings settings;

    WebhookTransport(WebhookAddresses addresses, WebhookSettings settings) {
        this.addresses = addresses;
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    Attempt post(String url, String deliveryId, String body, String secret, Instant now) {
        URI uri;
        try {
            uri = URI.create(url);
            addresses.checkBeforeConnecting(uri);
        } catch (IllegalArgumentException e) {
            return new Attempt(null, null, "invalid address");
        } catch (UnknownHostException e) {
            return new Attempt(null, null, "unknown host: " + e.getMessage());
        } catch (WebhookAddresses.Unreachable e) {
            return new Attempt(null, null, "address refused: " + e.getMessage());
        }
        long timestamp = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.readTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Guichet-Webhooks/1")
                .header(ID, deliveryId)
                .header(TIMESTAMP, Long.toString(timestamp))
                .header(SIGNATURE, WebhookSignatures.sign(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String snippet;
            try (InputStream in = response.body()) {
                snippet = new String(in.readNBytes(WebhookDelivery.MAX_SNIPPET), StandardCharsets.UTF_8);
            }
            return new Attempt(response.statusCode(), snippet, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, null, "interrupted");
        } catch (IOException e) {
            return new Attempt(null, null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
