package org.guichet.registration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs what a ticket's QR code holds with the platform's Ed25519 key: "G1." then base64url of ticket id (8
 * bytes), event id (8 bytes), the ticket's random secret (12 bytes) and the 64-byte signature. Anyone with the
 * public key can check a code offline; changing any byte breaks it.
 */
@Component
public class TicketSigner {

    public record TicketCode(long ticketId, long eventId, String secret) {
    }

    private static final Logger log = LoggerFactory.getLogger(TicketSigner.class);
    private static final String PREFIX = "G1.";
    private static final int SECRET_BYTES = 12;
    private static final int SIGNATURE_BYTES = 64;
    private static final int PAYLOAD_BYTES = 8 + 8 + SECRET_BYTES;

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    TicketSigner(@Value("${guichet.tickets.private-key:}") String configuredKey,
            @Value("${guichet.tickets.key-file:./data/ticket-signing-key}") Path keyFile) {
        KeyPair keys = configuredKey.isBlank() ? fromFile(keyFile) : fromBase64(configuredKey);
        this.privateKey = keys.getPrivate();
        this.publicKey = keys.getPublic();
    }

    public String sign(long ticketId, long eventId, String secret) {
        byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES).putLong(ticketId).putLong(eventId)
                .put(Base64.getUrlDecoder().decode(secret)).array();
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(payload);
            byte[] signature = signer.sign();
            byte[] code = ByteBuffer.allocate(PAYLOAD_BYTES + SIGNATURE_BYTES).put(payload).put(signature).array();
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(code);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }

    /** The ticket a code names, if its signature is ours; empty for anything altered or forged. */
    public Optional<TicketCode> verify(String code) {
        if (code == null || !code.startsWith(PREFIX) || code.length() > 200) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(code.substring(PREFIX.length()).strip());
            if (bytes.length != PAYLOAD_BYTES + SIGNATURE_BYTES) {
                return Optional.empty();
            }
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(bytes, 0, PAYLOAD_BYTES);
            if (!verifier.verify(bytes, PAYLOAD_BYTES, SIGNATURE_BYTES)) {
                return Optional.empty();
            }
            ByteBuffer payload = ByteBuffer.wrap(bytes, 0, PAYLOAD_BYTES);
            long ticketId = payload.getLong();
            long eventId = payload.getLong();
            byte[] secret = new byte[SECRET_BYTES];
            payload.get(secret);
            return Optional.of(new TicketCode(ticketId, eventId,
                    Base64.getUrlEncoder().withoutPadding().encodeToString(secret)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** The public key (X.509, base64) that lets a scanning app check tickets without network. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    static String newSecret(SecureRandom random) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair fromFile(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return fromBase64(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
            }
            KeyPair generated = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(generated.getPrivate().getEncoded()),
                    StandardCharsets.US_ASCII);
            log.info("Generated the ticket signing key in {}", keyFile.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the ticket signing key " + keyFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }

    /** A PKCS#8 Ed25519 private key in base64; the public key is derived from it. */
    private static KeyPair fromBase64(String base64) {
        try {
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new KeyPair(Ed25519PublicKeys.derive(privateKey), privateKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("guichet.tickets.private-key is not a base64 PKCS#8 Ed25519 key", e);
        }
    }
}
