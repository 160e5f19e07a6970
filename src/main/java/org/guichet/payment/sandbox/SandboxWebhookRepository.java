package org.guichet.payment.sandbox;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SandboxWebhookRepository extends JpaRepository<SandboxWebhook, Long> {

    @Query("select w from SandboxWebhook w where w.status = 'PENDING' and w.nextAttemptAt <= :now order by w.id")
    List<SandboxWebhook> findDue(Instant now);
}
