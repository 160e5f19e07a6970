package org.guichet.limits;

import java.time.Duration;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * When to try again, in words ("in 3 minutes", "dans 3 minutes"): a message to resolve in the reader's language,
 * rounded up so that trying at the time said always works.
 */
public final class RetryWords {

    private RetryWords() {
    }

    public static MessageSourceResolvable of(Duration wait) {
        long seconds = wholeSeconds(wait);
        if (seconds <= 90) {
            return words("limits.in.seconds", seconds);
        }
        long minutes = (seconds + 59) / 60;
        if (minutes <= 90) {
            return words("limits.in.minutes", minutes);
        }
        return words("limits.in.hours", (minutes + 59) / 60);
    }

    /** For a {@code Retry-After} header: whole seconds, rounded up, at least one. */
    public static long wholeSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private static MessageSourceResolvable words(String key, long amount) {
        return new DefaultMessageSourceResolvable(new String[] {key}, new Object[] {amount});
    }
}
