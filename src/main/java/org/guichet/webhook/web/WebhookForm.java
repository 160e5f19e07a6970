package org.guichet.webhook.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.guichet.webhook.WebhookEndpoint;
import org.guichet.webhook.WebhookEndpointDetails;
import org.guichet.webhook.WebhookEventType;

/** The endpoint form as typed: unknown event types are dropped, a blank event means all the owner's events. */
public class WebhookForm {

    private String url;
    private String description;
    private List<String> eventTypes = new ArrayList<>();
    private Long eventId;

    static WebhookForm of(WebhookEndpoint endpoint) {
        WebhookForm form = new WebhookForm();
        form.url = endpoint.getUrl();
        form.description = endpoint.getDescription();
        form.eventTypes = endpoint.getEventTypes().stream().map(WebhookEventType::wireName).toList();
        form.eventId = endpoint.getEventId();
        return form;
    }

    WebhookEndpointDetails toDetails() {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        eventTypes.forEach(name -> WebhookEventType.ofWireName(name).ifPresent(types::add));
        return new WebhookEndpointDetails(url, description, types, eventId);
    }

    public boolean wants(WebhookEventType type) {
        return eventTypes.contains(type.wireName());
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<String> getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(List<String> eventTypes) {
        this.eventTypes = eventTypes == null ? new ArrayList<>() : new ArrayList<>(eventTypes);
    }

    public Long getEventId() {
        return eventId;
    }

    public void setEventId(Long eventId) {
        this.eventId = eventId;
    }
}
