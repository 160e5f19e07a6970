package org.guichet.webhook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.guichet.event.Event;
import org.guichet.registration.OrderStatusChanged;
import org.guichet.registration.TicketCheckedIn;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON bodies receivers get, field names fixed here (documented in the package notes): the envelope
 * {@code id, type, created_at, data}, times in ISO-8601 UTC to the millisecond, amounts as decimal strings.
 */
@Component
class WebhookPayloads {

    private final JsonMapper json;

    WebhookPayloads(JsonMapper json) {
        this.json = json;
    }

    String envelope(String id, WebhookEventType type, Instant createdAt, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type.wireName());
        body.put("created_at", time(createdAt));
        body.put("data", data);
        return json.writeValueAsString(body);
    }

    static Map<String, Object> order(OrderStatusChanged order) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", order.orderId());
        data.put("reference", order.reference());
        data.put("status", order.status().name().toLowerCase(Locale.ROOT));
        data.put("total", order.total() == null ? null : order.total().toPlainString());
        data.put("currency", order.currency());
        data.put("event_id", order.eventId());
        data.put("ticket_count", order.ticketCount());
        return data;
    }

    static Map<String, Object> ticket(TicketCheckedIn ticket) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", ticket.ticketId());
        data.put("order_id", ticket.orderId());
        data.put("event_id", ticket.eventId());
        data.put("checked_in_at", time(ticket.checkedInAt()));
        return data;
    }

    static Map<String, Object> event(Event event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", event.getId());
        data.put("title", event.getTitle());
        data.put("starts_at", time(event.getStartsAt()));
        data.put("ends_at", time(event.getEndsAt()));
        data.put("time_zone", event.getTimeZone());
        data.put("status", event.getStatus().name().toLowerCase(Locale.ROOT));
        return data;
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
