package org.guichet.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Recent failed sign-ins for one key (an account from one address, an account, or a client address). */
@Entity
@Table(name = "login_throttles")
class LoginThrottleEntry {

    @Id
    private String throttleKey;

    private int failures;

    private Instant lastFailureAt;

    private Instant lockedUntil;

    protected LoginThrottleEntry() {
    }

    LoginThrottleEntry(String throttleKey) {
        this.throttleKey = throttleKey;
    }

    void recordFailure(Instant now, LoginThrottlePolicy policy) {
        if (lastFailureAt != null && policy.hasForgotten(lastFailureAt, now)) {
            failures = 0;
            lockedUntil = null;
        }
        failures++;
        lastFailureAt = now;
        lockedUntil = policy.nextAttemptAt(failures, now);
    }

    int failures() {
        return failures;
    }

    Instant lastFailureAt() {
        return lastFailureAt;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }
}
