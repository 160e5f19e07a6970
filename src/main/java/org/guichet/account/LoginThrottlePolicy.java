package org.guichet.account;

import java.time.Duration;
import java.time.Instant;

/**
 * How sign-in slows down: the first {@code freeAttempts} failures cost nothing; each one after waits twice as
 * long as the one before (from {@code firstDelay}); at {@code lockAfter} failures the key is locked for
 * {@code lockDuration}. Failures are forgotten after {@code memory} without a new one.
 */
record LoginThrottlePolicy(int freeAttempts, Duration firstDelay, int lockAfter, Duration lockDuration,
        Duration memory) {

    static final LoginThrottlePolicy PER_ACCOUNT = new LoginThrottlePolicy(
            4, Duration.ofSeconds(5), 10, Duration.ofMinutes(15), Duration.ofMinutes(30));
    static final LoginThrottlePolicy PER_ADDRESS = new LoginThrottlePolicy(
            20, Duration.ofSeconds(2), 50, Duration.ofMinutes(15), Duration.ofMinutes(30));

    private static final int LARGEST_SHIFT = 10;

    boolean hasForgotten(Instant lastFailure, Instant now) {
        return !now.isBefore(lastFailure.plus(memory));
    }

    Instant lockedUntil(int failures, Instant now) {
        if (failures >= lockAfter) {
            return now.plus(lockDuration);
        }
        if (failures > freeAttempts) {
            int shift = Math.min(failures - freeAttempts - 1, LARGEST_SHIFT);
            return now.plus(firstDelay.multipliedBy(1L << shift));
        }
        return null;
    }
}
