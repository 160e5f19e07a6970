package org.guichet.notification;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MailOptOutRepository extends JpaRepository<MailOptOut, Long> {

    boolean existsByEmailAndKind(String email, MailKind kind);

    List<MailOptOut> findByEmail(String email);

    long countByKindAndEmailIn(MailKind kind, Collection<String> emails);

    @Modifying
    @Query("delete from MailOptOut o where o.email = :email and o.kind = :kind")
    int deleteByEmailAndKind(String email, MailKind kind);
}
