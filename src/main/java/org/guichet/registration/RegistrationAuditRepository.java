package org.guichet.registration;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RegistrationAuditRepository extends JpaRepository<RegistrationAudit, Long> {

    List<RegistrationAudit> findByOrderIdOrderByIdAsc(long orderId);
}
