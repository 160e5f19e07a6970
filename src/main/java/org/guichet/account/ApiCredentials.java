package org.guichet.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.guichet.shared.LinkSecrets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the REST API's authentication asks of accounts: the account behind a token as it is now, an organizer's
 * personal token, and the refresh tokens of the API's sign-ins (random, stored hashed, rotating: each use replaces
 * the token, and a replaced one shown again revokes its whole family, as only a copy can be shown twice).
 */
@Service
public class ApiCredentials {

    /** The account and the scopes a personal token grants it (those it chose, which its roles still allow). */
    public record Bearer(AccountPrincipal account, Set<ApiScope> scopes) {
    }

    /** A new refresh token and the account it signs in. */
    public record Refreshed(AccountPrincipal account, String refreshToken) {
    }

    private static final int LONGEST_PERSONAL = PersonalTokens.PREFIX.length() + 60;

    private final UserRepository users;
    private final ApiPersonalTokenRepository personalTokens;
    private final ApiRefreshTokenRepository refreshTokens;
    private final Clock clock;

    ApiCredentials(UserRepository users, ApiPersonalTokenRepository personalTokens,
            ApiRefreshTokenRepository refreshTokens, Clock clock) {
        this.users = users;
        this.personalTokens = personalTokens;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    /** The account as it is now (roles, verified address), if it still exists. */
    @Transactional(readOnly = true)
    public Optional<AccountPrincipal> account(long userId) {
        return users.findById(userId).filter(user -> !user.isDisabled()).map(AccountPrincipal::of)
                .map(ApiCredentials::withoutPassword);
    }

    /**
     * The account a personal token acts for, unless the token is unknown or revoked. Its last use is written at
     * most once a minute.
     */
    @Transactional
    public Optional<Bearer> personal(String secret) {
        if (secret == null || !secret.startsWith(PersonalTokens.PREFIX) || secret.length() > LONGEST_PERSONAL) {
            return Optional.empty();
        }
        Optional<ApiPersonalToken> found = personalTokens.findByTokenHash(LinkSecrets.hash(secret))
                .filter(token -> !token.isRevoked());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiPersonalToken token = found.get();
        Optional<AccountPrincipal> account = users.findById(token.userId()).filter(user -> !user.isDisabled())
                .map(AccountPrincipal::of)
                .map(ApiCredentials::withoutPassword);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (token.lastUseStale(now)) {
            personalTokens.recordUse(token.id(), now, now.minus(ApiPersonalToken.LAST_USE_PRECISION));
        }
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        scopes.addAll(token.scopes());
        scopes.retainAll(ApiScope.allowedFor(account.get()));
        return Optional.of(new Bearer(account.get(), scopes));
    }

    /** A new family's first refresh token, after a password sign-in. */
    @Transactional
    public String startRefreshFamily(long userId, Duration lifetime) {
        return issue(userId, LinkSecrets.newSecret(), lifetime);
    }

    /**
     * Exchanges a live refresh token for a new one of its family. A token replaced before revokes its family, and
     * that revocation is kept (answered by a value, not an exception, so it commits): empty then, as for an
     * unknown, expired or revoked token.
     */
    @Transactional
    public Optional<Refreshed> refresh(String secret, Duration lifetime) {
        if (!LinkSecrets.plausible(secret)) {
            return Optional.empty();
        }
        Optional<ApiRefreshToken> found = refreshTokens.findByTokenHash(LinkSecrets.hash(secret));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiRefreshToken token = found.get();
        Instant now = clock.instant();
        if (token.wasReplaced()) {
            refreshTokens.revokeFamily(token.family(), now);
            return Optional.empty();
        }
        if (!token.isLive(now)) {
            return Optional.empty();
        }
        if (refreshTokens.replace(token.id(), now) == 0) {
            // another request exchanged it at the same moment: one of the two holds a copy
            refreshTokens.revokeFamily(token.family(), now);
            return Optional.empty();
        }
        Optional<AccountPrincipal> account = account(token.userId());
        if (account.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Refreshed(account.get(), issue(token.userId(), token.family(), lifetime)));
    }

    /** Signs a refresh token's family out (the API's sign-out); an unknown token changes nothing. */
    @Transactional
    public void revokeRefreshFamily(String secret) {
        if (LinkSecrets.plausible(secret)) {
            refreshTokens.findByTokenHash(LinkSecrets.hash(secret))
                    .ifPresent(token -> refreshTokens.revokeFamily(token.family(), clock.instant()));
        }
    }

    private String issue(long userId, String family, Duration lifetime) {
        String secret = LinkSecrets.newSecret();
        Instant now = clock.instant();
        refreshTokens.save(new ApiRefreshToken(userId, family.length() > 64 ? family.substring(0, 64) : family,
                LinkSecrets.hash(secret), now, now.plus(lifetime)));
        return secret;
    }

    private static AccountPrincipal withoutPassword(AccountPrincipal principal) {
        principal.eraseCredentials();
        return principal;
    }
}
