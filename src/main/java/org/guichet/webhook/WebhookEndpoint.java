package org.guichet.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.guichet.shared.LinkSecrets;
import org.guichet.shared.Refusal;

/**
 * An address an organizer asked Guichet to post to, the kinds of change it wants, all the owner's events or one,
 * and the secret deliveries are signed with. It is on, off by its owner's choice, or off because it failed for
 * days ({@link DisabledReason#FAILING}); the secret is kept readable, since every delivery is signed with it.
 */
@Entity
@Table(name = "webhook_endpoints")
public class WebhookEndpoint {

    public enum DisabledReason { BY_OWNER, FAILING }

    static final String SECRET_PREFIX = "whsec_";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long ownerId;

    private String url;

    private String description;

    private String eventTypes;

    private Long eventId;

    private String secret;

    private boolean enabled;

    @Enumerated(EnumType.STRING)
    private DisabledReason disabledReason;

    private Instant disabledAt;

    private Instant lastDeliveredAt;

    private Instant secretRotatedAt;

    private Instant createdAt;

    protected WebhookEndpoint() {
    }

    WebhookEndpoint(long ownerId, WebhookEndpointDetails details, Instant now) {
        this.ownerId = ownerId;
        this.secret = newSecret();
        this.enabled = true;
        this.createdAt = now;
        apply(details);
    }

    static String newSecret() {
        return SECRET_PREFIX + LinkSecrets.newSecret();
    }

    void apply(WebhookEndpointDetails details) {
        this.url = details.url();
        this.description = details.description();
        this.eventTypes = details.eventTypes().stream().map(WebhookEventType::wireName).sorted()
                .collect(Collectors.joining(","));
        this.eventId = details.eventId();
    }

    /** A new secret, returned to be shown once; the old one signs nothing from now on. */
    String rotateSecret(Instant now) {
        secret = newSecret();
        secretRotatedAt = now;
        return secret;
    }

    /** Its owner (or an administrator) switches it off: deliveries wait until it is on again. */
    void disable(Instant now) {
        if (!enabled) {
            throw new Refusal("webhook.error.alreadyDisabled");
        }
        enabled = false;
        disabledReason = DisabledReason.BY_OWNER;
        disabledAt = now;
    }

    /** On again, whether its owner or its failures had switched it off. */
    void enable() {
        if (enabled) {
            throw new Refusal("webhook.error.alreadyEnabled");
        }
        enabled = true;
        disabledReason = null;
        disabledAt = null;
    }

    public boolean wants(WebhookEventType type) {
        return enabled && getEventTypes().contains(type);
    }

    /** Whether it has delivered nothing since {@code since}: failing all along. */
    boolean deliveredNothingSince(Instant since) {
        return lastDeliveredAt == null || lastDeliveredAt.isBefore(since);
    }

    public boolean isOwnedBy(long userId) {
        return ownerId == userId;
    }

    public boolean isSwitchedOffForFailing() {
        return !enabled && disabledReason == DisabledReason.FAILING;
    }

    public Set<WebhookEventType> getEventTypes() {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        Arrays.stream(eventTypes.split(",")).map(WebhookEventType::ofWireName)
                .forEach(type -> type.ifPresent(types::add));
        return types;
    }

    public Long getId() {
        return id;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public String getUrl() {
        return url;
    }

    public String getDescription() {
        return description;
    }

    public Long getEventId() {
        return eventId;
    }

    String getSecret() {
        return secret;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public DisabledReason getDisabledReason() {
        return disabledReason;
    }

    public Instant getDisabledAt() {
        return disabledAt;
    }

    public Instant getLastDeliveredAt() {
        return lastDeliveredAt;
    }

    public Instant getSecretRotatedAt() {
        return secretRotatedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
