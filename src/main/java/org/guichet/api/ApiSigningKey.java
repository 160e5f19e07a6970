package org.guichet.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC-SHA256 key that signs access tokens, never in the repository: from {@code GUICHET_API_KEY} in prod,
 * else from the key file, generated there on the first start (the default run keeps it under {@code ./data},
 * tests under {@code target/}).
 */
final class ApiSigningKey {

    private static final Logger log = LoggerFactory.getLogger(ApiSigningKey.class);
    private static final int KEY_BYTES = 32;

    private ApiSigningKey() {
    }

    static SecretKey of(ApiSettings settings) {
        String configured = settings.signingKey().isBlank() ? fromFile(settings) : settings.signingKey().strip();
        byte[] bytes = Base64.getDecoder().decode(configured);
        if (bytes.length < KEY_BYTES) {
            throw new IllegalStateException("guichet.api.signing-key (GUICHET_API_KEY) must hold at least "
                    + KEY_BYTES + " bytes, base64-encoded");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static String fromFile(ApiSettings settings) {
        try {
            if (Files.exists(settings.keyFile())) {
                return Files.readString(settings.keyFile(), StandardCharsets.US_ASCII).strip();
            }
            byte[] bytes = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(bytes);
            String key = Base64.getEncoder().encodeToString(bytes);
            Files.createDirectories(settings.keyFile().toAbsolutePath().getParent());
            Files.writeString(settings.keyFile(), key, StandardCharsets.US_ASCII);
            log.info("Generated the API token signing key in {}", settings.keyFile().toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the API signing key " + settings.keyFile(), e);
        }
    }
}
