package org.guichet.account;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

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
}
