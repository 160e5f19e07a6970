package org.guichet.webhook;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface WebhookEndpointRepository extends JpaRepository<WebhookEndpoint, Long> {

    List<WebhookEndpoint> findByOwnerIdOrderByIdAsc(long ownerId);

    long countByOwnerId(long ownerId);

    /** The enabled endpoints of an event's organizer that listen to all their events or to this one. */
    @Query(value = "select w.* from webhook_endpoints w join events e on e.organizer_id = w.owner_id "
            + "where e.id = :eventId and w.enabled = true and (w.event_id is null or w.event_id = e.id) "
            + "order by w.id", nativeQuery = true)
    List<WebhookEndpoint> findEnabledFor(long eventId);

    /** Notes a success without writing the rest of the row (its owner may be changing it meanwhile). */
    @Modifying
    @Query("update WebhookEndpoint e set e.lastDeliveredAt = :now where e.id = :id")
    int markDelivered(long id, Instant now);

    /** Switches an endpoint off for failing, once: zero rows means it was off already. */
    @Modifying
    @Query("update WebhookEndpoint e set e.enabled = false, "
            + "e.disabledReason = org.guichet.webhook.WebhookEndpoint.DisabledReason.FAILING, e.disabledAt = :now "
            + "where e.id = :id and e.enabled = true")
    int switchOffForFailing(long id, Instant now);
}
