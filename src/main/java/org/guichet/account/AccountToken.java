package org.guichet.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A single-use link sent by email. Only the SHA-256 of its secret is stored. */
@Entity
@Table(name = "account_tokens")
class AccountToken {

    enum Purpose { PASSWORD_RESET, EMAIL_CHANGE, EMAIL_VERIFICATION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long userId;

    @Enumerated(EnumType.STRING)
    private Purpose purpose;

    private String tokenHash;

    private String newEmail;

    private Instant createdAt;

    private Instant expiresAt;

    private Instant usedAt;

    protected AccountToken() {
    }

    AccountToken(long userId, Purpose purpose, String tokenHash, String newEmail, Instant createdAt,
            Instant expiresAt) {
        this.userId = userId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.newEmail = newEmail;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean isUsable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    boolean isUsed() {
        return usedAt != null;
    }

    long userId() {
        return userId;
    }

    Purpose purpose() {
        return purpose;
    }

    /** The address the link was sent to (email change and verification). */
    String newEmail() {
        return newEmail;
    }
}
