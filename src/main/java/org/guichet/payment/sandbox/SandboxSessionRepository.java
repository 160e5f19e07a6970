package org.guichet.payment.sandbox;

import org.springframework.data.jpa.repository.JpaRepository;

interface SandboxSessionRepository extends JpaRepository<SandboxSession, String> {
}
