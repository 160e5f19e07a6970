package org.guichet.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Issues and redeems the secrets of emailed links: 256 random bits, stored hashed, used once. */
@Component
class AccountTokens {

    private static final int TOKEN_BYTES = 32;

    private final AccountTokenRepository tokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccountTokens(AccountTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Stores a new token and returns its secret, which only the email will hold. */
    String issue(long userId, AccountToken.Purpose purpose, String newEmail, Duration validity) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        tokens.save(new AccountToken(userId, purpose, hash(secret), newEmail, now, now.plus(validity)));
        return secret;
    }

    /** The token behind a secret, if it is still usable; redeeming is left to the caller's transaction. */
    Optional<AccountToken> findUsable(String secret, AccountToken.Purpose purpose) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        return tokens.findByTokenHashAndPurpose(hash(secret), purpose)
                .filter(token -> token.isUsable(clock.instant()));
    }

    /** The token behind a secret, used or not, so a page can say which: already used, or expired. */
    Optional<AccountToken> find(String secret, AccountToken.Purpose purpose) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        return tokens.findByTokenHashAndPurpose(hash(secret), purpose);
    }

    long issuedSince(long userId, AccountToken.Purpose purpose, Duration window) {
        return tokens.countByUserIdAndPurposeAndCreatedAtAfter(userId, purpose, clock.instant().minus(window));
    }

    /** Spends every open token of this kind; false when another request spent them first. */
    boolean useAll(long userId, AccountToken.Purpose purpose) {
        return tokens.useAllOf(userId, purpose, clock.instant()) > 0;
    }

    static String hash(String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
