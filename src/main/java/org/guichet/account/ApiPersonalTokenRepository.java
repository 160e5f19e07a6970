package org.guichet.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiPersonalTokenRepository extends JpaRepository<ApiPersonalToken, Long> {

    Optional<ApiPersonalToken> findByTokenHash(String tokenHash);

    List<ApiPersonalToken> findByUserIdAndRevokedAtIsNullOrderByCreatedAtDescIdDesc(long userId);

    long countByUserIdAndRevokedAtIsNull(long userId);

    /** Writes the last use unless another request wrote one in the last minute; one statement, no lock held long. */
    @Modifying
    @Query("update ApiPersonalToken t set t.lastUsedAt = :now where t.id = :id "
            + "and (t.lastUsedAt is null or t.lastUsedAt <= :staleBefore)")
    int recordUse(long id, Instant now, Instant staleBefore);
}
