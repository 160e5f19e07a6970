package org.guichet.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An address that switched one kind of mail off. */
@Entity
@Table(name = "mail_opt_outs")
class MailOptOut {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String email;

    @Enumerated(EnumType.STRING)
    private MailKind kind;

    private Instant createdAt;

    protected MailOptOut() {
    }

    MailOptOut(String email, MailKind kind, Instant createdAt) {
        if (!kind.canUnsubscribe()) {
            throw new IllegalArgumentException("Transactional mails cannot be switched off");
        }
        this.email = email;
        this.kind = kind;
        this.createdAt = createdAt;
    }

    MailKind getKind() {
        return kind;
    }
}
