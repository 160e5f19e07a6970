package org.guichet.notification;

import java.time.Duration;

/** Growing back-off between delivery attempts: base, 2×base, 4×base… capped at one hour. */
record RetrySchedule(Duration baseDelay, int maxAttempts) {

    private static final Duration LONGEST_DELAY = Duration.ofHours(1);
    private static final int LARGEST_SHIFT = 20;

    Duration delayAfter(int attempts) {
        Duration delay = baseDelay.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), LARGEST_SHIFT));
        return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
    }

    boolean givesUpAfter(int attempts) {
        return attempts >= maxAttempts;
    }
}
