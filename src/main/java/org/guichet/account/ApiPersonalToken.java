package org.guichet.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named API token an organizer made, with its scopes. Only the SHA-256 of its secret is stored. */
@Entity
@Table(name = "api_personal_tokens")
class ApiPersonalToken {

    /** How stale the last use shown may be: a token used all day long is written once a minute, not per request. */
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long userId;

    private String name;

    private String scopes;

    private String tokenHash;

    private Instant createdAt;

    private Instant lastUsedAt;

    private Instant revokedAt;

    protected ApiPersonalToken() {
    }

    ApiPersonalToken(long userId, String name, Set<ApiScope> scopes, String tokenHash, Instant createdAt) {
        this.userId = userId;
        this.name = name;
        this.scopes = ApiScope.join(scopes);
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    /** Whether a use now should be written down (never used, or the last one written over a minute ago). */
    boolean lastUseStale(Instant now) {
        return lastUsedAt == null || !lastUsedAt.plus(LAST_USE_PRECISION).isAfter(now);
    }

    PersonalTokens.Listed listed() {
        return new PersonalTokens.Listed(id, name, ApiScope.parse(scopes), createdAt, lastUsedAt);
    }

    Long id() {
        return id;
    }

    long userId() {
        return userId;
    }

    Set<ApiScope> scopes() {
        return ApiScope.parse(scopes);
    }
}
