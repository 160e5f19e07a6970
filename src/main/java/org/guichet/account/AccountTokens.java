package org.guichet.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.guichet.shared.LinkSecrets;
import org.springframework.stereotype.Component;

/** Issues and redeems the secrets of emailed links: 256 random bits, stored hashed, used once. */
@Component
class AccountTokens {

    private final AccountTokenRepository tokens;
    private final Clock clock;

    AccountTokens(AccountTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Stores a new token and returns its secret, which only the email will hold. */
    String issue(long userId, AccountToken.Purpose purpose, String newEmail, Duration validity) {
        String secret = LinkSecrets.newSecret();
        Instant now = clock.instant();
        tokens.save(new AccountToken(userId, purpose, LinkSecrets.hash(secret), newEmail, now, now.plus(validity)));
        return secret;
    }

    /** The token behind a secret, if it is still usable; redeeming is left to the caller's transaction. */
    Optional<AccountToken> findUsable(String secret, AccountToken.Purpose purpose) {
        if (!LinkSecrets.plausible(secret)) {
            return Optional.empty();
        }
        return tokens.findByTokenHashAndPurpose(LinkSecrets.hash(secret), purpose)
                .filter(token -> token.isUsable(clock.instant()));
    }

    /** The token behind a secret, used or not, so a page can say which: already used, or expired. */
    Optional<AccountToken> find(String secret, AccountToken.Purpose purpose) {
        if (!LinkSecrets.plausible(secret)) {
            return Optional.empty();
        }
        return tokens.findByTokenHashAndPurpose(LinkSecrets.hash(secret), purpose);
    }

    long issuedSince(long userId, AccountToken.Purpose purpose, Duration window) {
        return tokens.countByUserIdAndPurposeAndCreatedAtAfter(userId, purpose, clock.instant().minus(window));
    }

    /** Spends every open token of this kind; false when another request spent them first. */
    boolean useAll(long userId, AccountToken.Purpose purpose) {
        return tokens.useAllOf(userId, purpose, clock.instant()) > 0;
    }
}
