package org.guichet.webhook;

import java.util.Set;

/** What an organizer types for an endpoint: its address, a note of what it is, the types it wants, one event or all. */
public record WebhookEndpointDetails(String url, String description, Set<WebhookEventType> eventTypes, Long eventId) {

    public static final int MAX_DESCRIPTION = 200;

    public WebhookEndpointDetails {
        url = url == null ? "" : url.strip();
        description = description == null || description.isBlank() ? null : description.strip();
        eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
    }
}
