package org.guichet.payment.sandbox;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SandboxSessionRepository extends JpaRepository<SandboxSession, String> {

    /** A page is paid once: two submits at the same moment, and only one of them pays. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update SandboxSession s set s.status = org.guichet.payment.sandbox.SandboxSession.Status.PAID"
            + " where s.id = :id and s.status = org.guichet.payment.sandbox.SandboxSession.Status.OPEN")
    int markPaid(String id);
}
