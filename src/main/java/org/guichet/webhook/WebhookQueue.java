package org.guichet.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.guichet.event.EventCancelled;
import org.guichet.event.EventService;
import org.guichet.event.EventUpdated;
import org.guichet.registration.OrderStatusChanged;
import org.guichet.registration.TicketCheckedIn;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hears the changes other modules publish and writes one delivery per enabled endpoint that wants it, in the
 * changing transaction: a change rolled back leaves no delivery, a committed one always has its deliveries. With
 * no endpoint listening, it costs one query.
 */
@Component
class WebhookQueue {

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookPayloads payloads;
    private final EventService events;
    private final Clock clock;

    WebhookQueue(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries, WebhookPayloads payloads,
            EventService events, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.payloads = payloads;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderStatusChanged change) {
        WebhookEventType type = switch (change.status()) {
            case CONFIRMED -> WebhookEventType.ORDER_CONFIRMED;
            case CANCELLED -> WebhookEventType.ORDER_CANCELLED;
            case REFUNDED -> WebhookEventType.ORDER_REFUNDED;
            default -> null;
        };
        if (type != null) {
            queue(change.eventId(), type, () -> WebhookPayloads.order(change));
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(TicketCheckedIn checkedIn) {
        queue(checkedIn.eventId(), WebhookEventType.TICKET_CHECKED_IN, () -> WebhookPayloads.ticket(checkedIn));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(EventUpdated updated) {
        queue(updated.eventId(), WebhookEventType.EVENT_UPDATED,
                () -> WebhookPayloads.event(events.get(updated.eventId())));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(EventCancelled cancelled) {
        queue(cancelled.eventId(), WebhookEventType.EVENT_CANCELLED,
                () -> WebhookPayloads.event(events.get(cancelled.eventId())));
    }

    private void queue(long eventId, WebhookEventType type, Supplier<Map<String, Object>> data) {
        List<WebhookEndpoint> listening = endpoints.findEnabledFor(eventId).stream()
                .filter(endpoint -> endpoint.wants(type)).toList();
        if (listening.isEmpty()) {
            return;
        }
        Map<String, Object> content = data.get();
        Instant now = clock.instant();
        for (WebhookEndpoint endpoint : listening) {
            String id = UUID.randomUUID().toString();
            deliveries.save(new WebhookDelivery(endpoint.getId(), id, type,
                    payloads.envelope(id, type, now, content), now));
        }
    }
}
