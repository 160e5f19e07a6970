package org.guichet.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets emailed links carry (account links, invitations, private event links): 256 random bits, URL-safe;
 * where a secret is kept to be checked later, only its SHA-256 is stored.
 */
public final class LinkSecrets {

    private static final int SECRET_BYTES = 32;
    private static final int LONGEST_PLAUSIBLE = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkSecrets() {
    }

    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether a value typed or pasted into a link could be one of these secrets, before anything is looked up. */
    public static boolean plausible(String secret) {
        return secret != null && !secret.isBlank() && secret.length() <= LONGEST_PLAUSIBLE;
    }
}
