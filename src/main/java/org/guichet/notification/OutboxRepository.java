package org.guichet.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    @Query("select m.id from OutboxMessage m where m.status in :statuses and m.nextAttemptAt <= :now order by m.nextAttemptAt, m.id")
    List<Long> findDue(Collection<OutboxStatus> statuses, Instant now, Limit limit);

    /** Takes a message for one sender only: zero rows means another sender has it. */
    @Modifying
    @Query("update OutboxMessage m set m.status = org.guichet.notification.OutboxStatus.SENDING, m.claimedAt = :now "
            + "where m.id = :id and m.status in :statuses and m.nextAttemptAt <= :now")
    int claim(long id, Collection<OutboxStatus> statuses, Instant now);

    /** Messages whose sender died mid-delivery go back in the queue. */
    @Modifying
    @Query("update OutboxMessage m set m.status = org.guichet.notification.OutboxStatus.RETRY, m.claimedAt = null "
            + "where m.status = org.guichet.notification.OutboxStatus.SENDING and m.claimedAt < :before")
    int releaseStaleClaims(Instant before);

    /** Stores a message's rendering unless one is stored: zero rows means another sender rendered it first. */
    @Modifying
    @Query("update OutboxMessage m set m.subject = :subject, m.htmlBody = :html, m.textBody = :text, "
            + "m.renderedAt = :now where m.id = :id and m.renderedAt is null")
    int storeRendering(long id, String subject, String html, String text, Instant now);

    @Modifying
    @Query("update OutboxAttachment a set a.content = :content where a.id = :id and a.content is null")
    int storeContent(long id, byte[] content);

    List<OutboxMessage> findAllByOrderByCreatedAtDescIdDesc(Pageable page);

    @Query("select m.id from OutboxMessage m where m.renderedAt is null and m.id in :ids")
    List<Long> findUnrendered(Collection<Long> ids);

    @Query("select m from OutboxMessage m left join fetch m.attachments where m.id = :id")
    Optional<OutboxMessage> findWithAttachments(long id);

    List<OutboxMessage> findByRecipientOrderByIdDesc(String recipient);

    /** Each status with its number of messages: {@code [OutboxStatus, Long]} rows. */
    @Query("select m.status, count(m) from OutboxMessage m group by m.status")
    List<Object[]> countByStatus();

    @Query("select min(m.createdAt) from OutboxMessage m where m.status in :statuses and m.nextAttemptAt <= :now")
    Optional<Instant> oldestDue(Collection<OutboxStatus> statuses, Instant now);

    Page<OutboxMessage> findByStatusOrderByFailedAtDescIdDesc(OutboxStatus status, Pageable page);
}
