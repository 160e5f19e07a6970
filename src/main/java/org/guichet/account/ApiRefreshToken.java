package org.guichet.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A refresh token of the API: one live token per family (one sign-in), replaced at each use. Only the SHA-256 of
 * its secret is stored.
 */
@Entity
@Table(name = "api_refresh_tokens")
class ApiRefreshToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long userId;

    private String family;

    private String tokenHash;

    private Instant createdAt;

    private Instant expiresAt;

    private Instant replacedAt;

    private Instant revokedAt;

    protected ApiRefreshToken() {
    }

    ApiRefreshToken(long userId, String family, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.userId = userId;
        this.family = family;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Neither replaced, revoked nor expired: it may be exchanged for a new pair, once. */
    boolean isLive(Instant now) {
        return replacedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    /** Used before, and replaced since: whoever shows it again holds a copy. */
    boolean wasReplaced() {
        return replacedAt != null;
    }

    Long id() {
        return id;
    }

    long userId() {
        return userId;
    }

    String family() {
        return family;
    }
}
