package org.guichet.account;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ApiRefreshTokenRepository extends JpaRepository<ApiRefreshToken, Long> {

    Optional<ApiRefreshToken> findByTokenHash(String tokenHash);

    /** Replaces a live token; 0 when another request replaced (or someone revoked) it first. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update ApiRefreshToken t set t.replacedAt = :now where t.id = :id and t.replacedAt is null "
            + "and t.revokedAt is null")
    int replace(long id, Instant now);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update ApiRefreshToken t set t.revokedAt = :now where t.family = :family and t.revokedAt is null")
    int revokeFamily(String family, Instant now);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update ApiRefreshToken t set t.revokedAt = :now where t.userId = :userId and t.revokedAt is null")
    int revokeAllOf(long userId, Instant now);

    /** Every live refresh token of the account with this address: signed out everywhere, the API included. */
    @Transactional
    @Modifying
    @Query("update ApiRefreshToken t set t.revokedAt = :now where t.revokedAt is null"
            + " and t.userId in (select u.id from User u where u.email = :email)")
    int revokeAllOfEmail(String email, Instant now);
}
