package org.guichet.webhook;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, Long> {

    /** Deliveries due now to endpoints that are on, oldest due first. */
    @Query("select d.id from WebhookDelivery d, WebhookEndpoint e where e.id = d.endpointId and e.enabled = true "
            + "and d.status in :statuses and d.nextAttemptAt <= :now order by d.nextAttemptAt, d.id")
    List<Long> findDue(Collection<WebhookDeliveryStatus> statuses, Instant now, Limit limit);

    /** Takes a delivery for one sender only: zero rows means another sender has it. */
    @Modifying
    @Query("update WebhookDelivery d set d.status = org.guichet.webhook.WebhookDeliveryStatus.SENDING, "
            + "d.claimedAt = :now where d.id = :id and d.status in :statuses and d.nextAttemptAt <= :now")
    int claim(long id, Collection<WebhookDeliveryStatus> statuses, Instant now);

    /** Deliveries whose sender died mid-attempt go back in the queue. */
    @Modifying
    @Query("update WebhookDelivery d set d.status = org.guichet.webhook.WebhookDeliveryStatus.RETRY, "
            + "d.claimedAt = null where d.status = org.guichet.webhook.WebhookDeliveryStatus.SENDING "
            + "and d.claimedAt < :before")
    int releaseStaleClaims(Instant before);

    /** An endpoint switched on again: what still waits for it is due now, with its full time of retries. */
    @Modifying
    @Query("update WebhookDelivery d set d.queuedAt = :now, d.nextAttemptAt = :now, d.attempts = 0 "
            + "where d.endpointId = :endpointId and d.status in :statuses")
    int requeueWaiting(long endpointId, Collection<WebhookDeliveryStatus> statuses, Instant now);

    List<WebhookDelivery> findByEndpointIdOrderByIdDesc(long endpointId, Pageable page);

    List<WebhookDelivery> findByEndpointIdOrderByIdAsc(long endpointId);
}
