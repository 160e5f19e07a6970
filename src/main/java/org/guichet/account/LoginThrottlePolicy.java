package org.guichet.account;

import java.time.Duration;
import java.time.Instant;

/**
 * How sign-in slows down for one key: the first {@code freeAttempts} failures cost nothing; each one after makes
 * the next attempt wait twice as long as the one before (from {@code firstDelay}), never longer than
 * {@code longestDelay}. Failures are forgotten after {@code memory} without a new one. Nothing ever locks: the
 * longest wait is the longest anyone can be kept out.
 */
record LoginThrottlePolicy(int freeAttempts, Duration firstDelay, Duration longestDelay, Duration memory) {

    /**
     * One account from one address: whoever types wrong passwords there waits longer and longer, up to 15
     * minutes, without slowing the owner anywhere else.
     */
    static final LoginThrottlePolicy PER_ACCOUNT_AND_ADDRESS = new LoginThrottlePolicy(
            5, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(1));
    /**
     * One account from every address: slows guessing spread over many addresses, but waits two minutes at most,
     * so that nobody can keep the owner out for long.
     */
    static final LoginThrottlePolicy PER_ACCOUNT = new LoginThrottlePolicy(
            10, Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofMinutes(30));
    /** One address over every account: slows one machine trying many accounts. */
    static final LoginThrottlePolicy PER_ADDRESS = new LoginThrottlePolicy(
            20, Duration.ofSeconds(2), Duration.ofMinutes(15), Duration.ofMinutes(30));

    private static final int LARGEST_SHIFT = 20;

    boolean hasForgotten(Instant lastFailure, Instant now) {
        return !now.isBefore(lastFailure.plus(memory));
    }

    /** The next attempt's earliest time after this many failures, the last at {@code now}; {@code null}: at once. */
    Instant nextAttemptAt(int failures, Instant now) {
        Duration wait = waitAfter(failures);
        return wait.isZero() ? null : now.plus(wait);
    }

    Duration waitAfter(int failures) {
        if (failures <= freeAttempts) {
            return Duration.ZERO;
        }
        int shift = Math.min(failures - freeAttempts - 1, LARGEST_SHIFT);
        Duration wait = firstDelay.multipliedBy(1L << shift);
        return wait.compareTo(longestDelay) > 0 ? longestDelay : wait;
    }
}
