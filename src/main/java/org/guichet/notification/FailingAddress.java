package org.guichet.notification;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An address its server refused for good (an SMTP 5xx about it). While it is here, mails its owner may switch off
 * are not sent to it; transactional mails are still tried, once each, and the first that gets through removes it,
 * as an administrator can.
 */
@Entity
@Table(name = "mail_failing_addresses")
public class FailingAddress {

    private static final int MAX_REASON_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String address;

    private String reason;

    private Instant firstFailedAt;

    private Instant lastFailedAt;

    private int failures;

    protected FailingAddress() {
    }

    FailingAddress(String address, String reason, Instant now) {
        this.address = normal(address);
        this.reason = reasonOf(reason);
        this.firstFailedAt = now;
        this.lastFailedAt = now;
        this.failures = 1;
    }

    /** Addresses as the failing list keeps and compares them. */
    static String normal(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /** A server's reply as the list keeps it. */
    static String reasonOf(String reason) {
        String text = reason == null || reason.isBlank() ? "unknown reply" : reason.strip();
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH);
    }

    public Long getId() {
        return id;
    }

    public String getAddress() {
        return address;
    }

    /** The server's reply, as it gave it (cut to 500 characters). */
    public String getReason() {
        return reason;
    }

    public Instant getFirstFailedAt() {
        return firstFailedAt;
    }

    public Instant getLastFailedAt() {
        return lastFailedAt;
    }

    public int getFailures() {
        return failures;
    }
}
