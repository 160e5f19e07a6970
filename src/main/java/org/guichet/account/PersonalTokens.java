package org.guichet.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.guichet.shared.LinkSecrets;
import org.guichet.shared.NotFound;
import org.guichet.shared.Refusal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organizer's personal API tokens, as the profile page manages them: made with a name and scopes, the secret
 * shown once (only its hash is kept), listed with their last use, revoked. The API checks them through
 * {@link ApiCredentials#personal(String)}.
 */
@Service
@PreAuthorize(PersonalTokens.ORGANIZERS)
public class PersonalTokens {

    static final String ORGANIZERS = "hasAnyRole('ORGANIZER', 'ADMIN')";
    /** What tells a personal token from an access token (a JWT) in an {@code Authorization: Bearer} header. */
    public static final String PREFIX = "gch_";
    public static final int LONGEST_NAME = 100;
    public static final int MOST_PER_ACCOUNT = 20;

    /** A token as the list shows it; never its secret. */
    public record Listed(long id, String name, Set<ApiScope> scopes, Instant createdAt, Instant lastUsedAt) {
    }

    /** A token just made: its secret, which no page shows again. */
    public record Created(Listed token, String secret) {
    }

    private final ApiPersonalTokenRepository tokens;
    private final Clock clock;

    PersonalTokens(ApiPersonalTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Transactional
    public Created create(AccountPrincipal organizer, String name, Set<ApiScope> scopes) {
        String named = name == null ? "" : name.strip();
        List<Refusal.Reason> reasons = new ArrayList<>();
        if (named.isEmpty()) {
            reasons.add(new Refusal.Reason("name", "account.apiTokens.error.nameRequired"));
        } else if (named.length() > LONGEST_NAME) {
            reasons.add(new Refusal.Reason("name", "account.apiTokens.error.nameTooLong", LONGEST_NAME));
        }
        if (scopes == null || scopes.isEmpty()) {
            reasons.add(new Refusal.Reason("scopes", "account.apiTokens.error.noScope"));
        } else if (!ApiScope.allowedFor(organizer).containsAll(scopes)) {
            reasons.add(new Refusal.Reason("scopes", "account.apiTokens.error.scopeNotAllowed"));
        }
        if (!reasons.isEmpty()) {
            throw new Refusal(reasons);
        }
        if (tokens.countByUserIdAndRevokedAtIsNull(organizer.id()) >= MOST_PER_ACCOUNT) {
            throw new Refusal("account.apiTokens.error.tooMany", MOST_PER_ACCOUNT);
        }
        String secret = PREFIX + LinkSecrets.newSecret();
        ApiPersonalToken token = tokens.save(new ApiPersonalToken(organizer.id(), named, scopes,
                LinkSecrets.hash(secret), clock.instant()));
        return new Created(token.listed(), secret);
    }

    /** The organizer's tokens not revoked, newest first. */
    @Transactional(readOnly = true)
    public List<Listed> of(AccountPrincipal organizer) {
        return tokens.findByUserIdAndRevokedAtIsNullOrderByCreatedAtDescIdDesc(organizer.id()).stream()
                .map(ApiPersonalToken::listed).toList();
    }

    /** Revokes one of the organizer's tokens; another account's is not found. */
    @Transactional
    public void revoke(AccountPrincipal organizer, long tokenId) {
        ApiPersonalToken token = tokens.findById(tokenId).filter(found -> found.userId() == organizer.id())
                .filter(found -> !found.isRevoked())
                .orElseThrow(() -> new NotFound("API token", tokenId));
        token.revoke(clock.instant());
    }
}
