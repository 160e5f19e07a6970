package org.guichet.account;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccountAuditRepository extends JpaRepository<AccountAudit, Long> {

    List<AccountAudit> findByUserIdOrderByAtDescIdDesc(long userId);
}
