package org.guichet.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs "this address, this kind of mail" so an unsubscribe link works without signing in and only for the address
 * it was sent to. The HMAC key is made by the first instance that needs one and kept in the database, so every
 * instance signs and checks alike and links survive restarts.
 */
@Component
class UnsubscribeSignatures {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String STORED = "select secret from mail_signing_keys where id = 1";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private volatile byte[] key;

    UnsubscribeSignatures(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    String sign(String email, MailKind kind) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key(), ALGORITHM));
            byte[] signature = mac.doFinal((email + "\n" + kind.name()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    boolean verify(String email, MailKind kind, String signature) {
        return signature != null && MessageDigest.isEqual(
                sign(email, kind).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            known = Base64.getDecoder().decode(storedOrNewKey());
            key = known;
        }
        return known;
    }

    private String storedOrNewKey() {
        List<String> stored = jdbc.queryForList(STORED, String.class);
        if (!stored.isEmpty()) {
            return stored.get(0);
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update(
                    "insert into mail_signing_keys (id, secret, created_at) values (1, ?, ?)",
                    Base64.getEncoder().encodeToString(fresh), Timestamp.from(clock.instant())));
        } catch (DataIntegrityViolationException madeByAnotherInstance) {
            // the other instance's key is read below
        }
        return jdbc.queryForObject(STORED, String.class);
    }
}
