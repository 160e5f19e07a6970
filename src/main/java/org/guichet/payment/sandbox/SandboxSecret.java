package org.guichet.payment.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The secret the sandbox signs its webhooks with: configured, or made once and kept under ./data/. */
@Component
class SandboxSecret {

    private final String secret;

    SandboxSecret(@Value("${guichet.payments.sandbox.webhook-secret:}") String configured,
            @Value("${guichet.payments.sandbox.secret-file:./data/sandbox-webhook-secret}") Path file) {
        this.secret = configured.isBlank() ? fromFile(file) : configured;
    }

    String value() {
        return secret;
    }

    private static String fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String made = "whsec_" + HexFormat.of().formatHex(bytes);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, made, StandardCharsets.US_ASCII);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the sandbox webhook secret " + file, e);
        }
    }
}
