package org.guichet.payment.sandbox;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.guichet.payment.GatewayNotice;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a sandbox webhook: the signature first, on the raw body; then the event, in Guichet's words. */
@Component
public class SandboxNotices {

    private final SandboxSecret secret;
    private final JsonMapper json;
    private final Clock clock;

    SandboxNotices(SandboxSecret secret, JsonMapper json, Clock clock) {
        this.secret = secret;
        this.json = json;
        this.clock = clock;
    }

    public Optional<GatewayNotice> read(String body, String signature) {
        if (!WebhookSignature.verify(secret.value(), signature, body, clock.instant())) {
            return Optional.empty();
        }
        try {
            JsonNode event = json.readTree(body);
            JsonNode data = event.path("data");
            GatewayNotice.Type type = switch (event.path("type").asString()) {
                case "checkout.session.completed" -> GatewayNotice.Type.PAYMENT_SUCCEEDED;
                case "charge.refunded" -> GatewayNotice.Type.REFUNDED;
                default -> GatewayNotice.Type.OTHER;
            };
            return Optional.of(new GatewayNotice(SandboxGateway.NAME, event.path("id").asString(), type,
                    data.path("orderId").asLong(), new BigDecimal(data.path("amount").asString("0")),
                    data.path("currency").asString(""), data.path("transaction").asString(""),
                    data.path("session").asString("")));
        } catch (JacksonException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    String payload(String eventId, SandboxSession session, String transaction) {
        return json.writeValueAsString(Map.of(
                "id", eventId,
                "type", "checkout.session.completed",
                "data", Map.of(
                        "session", session.getId(),
                        "orderId", session.getOrderId(),
                        "amount", session.getAmount().toPlainString(),
                        "currency", session.getCurrency(),
                        "transaction", transaction)));
    }
}
