package org.guichet.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: {@code base}, then twice as long after each failure, never more than
 * {@code longest}, and never after {@code retryFor} from when it was queued: its last attempt falls on that moment,
 * and a failure then is final.
 */
record WebhookRetries(Duration base, Duration longest, Duration retryFor) {

    private static final int LARGEST_SHIFT = 30;

    /** The next attempt after {@code attempts} failed ones, the last at {@code now}; empty when it is over. */
    Optional<Instant> nextAttempt(int attempts, Instant queuedAt, Instant now) {
        Instant deadline = queuedAt.plus(retryFor);
        if (!now.isBefore(deadline)) {
            return Optional.empty();
        }
        Duration delay = base.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), LARGEST_SHIFT));
        if (delay.compareTo(longest) > 0 || delay.isNegative()) {
            delay = longest;
        }
        Instant next = now.plus(delay);
        return Optional.of(next.isAfter(deadline) ? deadline : next);
    }
}
