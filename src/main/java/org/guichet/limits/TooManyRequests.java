package org.guichet.limits;

import java.time.Duration;

/** Refused by a rate limit: the action may be tried again after {@link #retryAfter()}. */
public class TooManyRequests extends RuntimeException {

    private final RateLimit limit;
    private final transient Duration retryAfter;

    public TooManyRequests(RateLimit limit, Duration retryAfter) {
        super("Rate limit " + limit + " reached; retry after " + retryAfter.toSeconds() + "s");
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    public RateLimit limit() {
        return limit;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The {@code Retry-After} header's value: whole seconds, at least one. */
    public String retryAfterSeconds() {
        return Long.toString(RetryWords.wholeSeconds(retryAfter));
    }
}
