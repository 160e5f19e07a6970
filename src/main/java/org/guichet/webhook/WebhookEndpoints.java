package org.guichet.webhook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.Role;
import org.guichet.account.UserRepository;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.shared.NotFound;
import org.guichet.shared.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an organizer does with their webhook endpoints, from the dashboard: list, add, change, switch off and on,
 * rotate the secret, remove, see recent deliveries and send one again. An endpoint is its owner's: anyone else is
 * told it does not exist, except administrators, who may manage any (as they may any event).
 */
@Service
public class WebhookEndpoints {

    private static final Logger log = LoggerFactory.getLogger(WebhookEndpoints.class);
    private static final String ORGANIZERS = "hasAnyRole('ORGANIZER', 'ADMIN')";
    static final int MAX_PER_OWNER = 20;
    static final int RECENT_DELIVERIES = 50;

    /** A new endpoint with its secret, which is shown this once. */
    public record Created(WebhookEndpoint endpoint, String secret) {
    }

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookAddresses addresses;
    private final EventService events;
    private final UserRepository users;
    private final Clock clock;

    WebhookEndpoints(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries,
            WebhookAddresses addresses, EventService events, UserRepository users, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.addresses = addresses;
        this.events = events;
        this.users = users;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ORGANIZERS)
    public List<WebhookEndpoint> ownedBy(AccountPrincipal organizer) {
        return endpoints.findByOwnerIdOrderByIdAsc(organizer.id());
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ORGANIZERS)
    public WebhookEndpoint manageable(long endpointId, AccountPrincipal organizer) {
        WebhookEndpoint endpoint = endpoints.findById(endpointId)
                .orElseThrow(() -> new NotFound("webhook", endpointId));
        if (!endpoint.isOwnedBy(organizer.id()) && !organizer.hasRole(Role.ADMIN)) {
            throw new NotFound("webhook", endpointId);
        }
        return endpoint;
    }

    /** The events an endpoint of this owner may be limited to: the owner's own. */
    @Transactional(readOnly = true)
    @PreAuthorize(ORGANIZERS)
    public List<Event> eventsOf(long ownerId) {
        return events.organizedBy(AccountPrincipal.of(users.findById(ownerId).orElseThrow()));
    }

    @Transactional
    @PreAuthorize(ORGANIZERS)
    public Created create(AccountPrincipal organizer, WebhookEndpointDetails details) {
        List<Refusal.Reason> reasons = check(organizer.id(), details);
        if (endpoints.countByOwnerId(organizer.id()) >= MAX_PER_OWNER) {
            reasons.add(new Refusal.Reason(null, "webhook.error.tooMany", MAX_PER_OWNER));
        }
        if (!reasons.isEmpty()) {
            throw new Refusal(reasons);
        }
        WebhookEndpoint endpoint = endpoints.save(new WebhookEndpoint(organizer.id(), details, clock.instant()));
        log.info("Webhook endpoint {} added by user {}", endpoint.getId(), organizer.id());
        return new Created(endpoint, endpoint.getSecret());
    }

    @Transactional
    @PreAuthorize(ORGANIZERS)
    public WebhookEndpoint change(long endpointId, AccountPrincipal organizer, WebhookEndpointDetails details) {
        WebhookEndpoint endpoint = manageable(endpointId, organizer);
        List<Refusal.Reason> reasons = check(endpoint.getOwnerId(), details);
        if (!reasons.isEmpty()) {
            throw new Refusal(reasons);
        }
        endpoint.apply(details);
        return endpoint;
    }

    @Transactional
    @PreAuthorize(ORGANIZERS)
    public void disable(long endpointId, AccountPrincipal organizer) {
        manageable(endpointId, organizer).disable(clock.instant());
    }

    /** On again: what waits for it is due now, with its full time of retries. */
    @Transactional
    @PreAuthorize(ORGANIZERS)
    public void enable(long endpointId, AccountPrincipal organizer) {
        manageable(endpointId, organizer).enable();
        deliveries.requeueWaiting(endpointId, EnumSet.of(WebhookDeliveryStatus.PENDING, WebhookDeliveryStatus.RETRY),
                clock.instant());
    }

    /** A new secret, returned to be shown once. */
    @Transactional
    @PreAuthorize(ORGANIZERS)
    public String rotateSecret(long endpointId, AccountPrincipal organizer) {
        String secret = manageable(endpointId, organizer).rotateSecret(clock.instant());
        log.info("Webhook endpoint {} given a new secret by user {}", endpointId, organizer.id());
        return secret;
    }

    /** Removes the endpoint with its deliveries. */
    @Transactional
    @PreAuthorize(ORGANIZERS)
    public void delete(long endpointId, AccountPrincipal organizer) {
        endpoints.delete(manageable(endpointId, organizer));
        log.info("Webhook endpoint {} removed by user {}", endpointId, organizer.id());
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ORGANIZERS)
    public List<WebhookDelivery> recentDeliveries(long endpointId, AccountPrincipal organizer) {
        manageable(endpointId, organizer);
        return deliveries.findByEndpointIdOrderByIdDesc(endpointId, PageRequest.of(0, RECENT_DELIVERIES));
    }

    /** Queues a delivery again, due now (sent once the endpoint is on). */
    @Transactional
    @PreAuthorize(ORGANIZERS)
    public WebhookDelivery resend(long endpointId, long deliveryId, AccountPrincipal organizer) {
        manageable(endpointId, organizer);
        WebhookDelivery delivery = deliveries.findById(deliveryId)
                .filter(found -> found.getEndpointId() == endpointId)
                .orElseThrow(() -> new NotFound("webhook delivery", deliveryId));
        delivery.resend(clock.instant());
        return delivery;
    }

    private List<Refusal.Reason> check(long ownerId, WebhookEndpointDetails details) {
        List<Refusal.Reason> reasons = new ArrayList<>();
        try {
            addresses.acceptable(details.url());
        } catch (Refusal refused) {
            reasons.addAll(refused.reasons());
        }
        if (details.description() != null && details.description().length() > WebhookEndpointDetails.MAX_DESCRIPTION) {
            reasons.add(new Refusal.Reason("description", "webhook.error.description",
                    WebhookEndpointDetails.MAX_DESCRIPTION));
        }
        if (details.eventTypes().isEmpty()) {
            reasons.add(new Refusal.Reason("eventTypes", "webhook.error.eventTypes"));
        }
        if (details.eventId() != null && !ownsEvent(ownerId, details.eventId())) {
            reasons.add(new Refusal.Reason("eventId", "webhook.error.event"));
        }
        return reasons;
    }

    private boolean ownsEvent(long ownerId, long eventId) {
        try {
            return events.get(eventId).isOrganizedBy(ownerId);
        } catch (NotFound e) {
            return false;
        }
    }
}
