package org.guichet.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import org.guichet.limits.RateLimit.Scope;
import org.guichet.limits.RateLimitSettings.Allowance;
import org.springframework.stereotype.Service;

/**
 * Takes tokens from the buckets of a limited action, one bucket per (action, scope, key), or refuses with
 * {@link TooManyRequests}. Buckets live in memory on this instance, in a bounded cache, on the application's
 * clock (so tests move time instead of waiting).
 */
@Service
public class RateLimiter {

    private record Tracked(Bucket bucket, Duration idleUntilFull) {
    }

    private final RateLimitSettings settings;
    private final TimeMeter time;
    private final Cache<String, Tracked> buckets;

    RateLimiter(RateLimitSettings settings, Clock clock) {
        this.settings = settings;
        this.time = new ClockTime(clock);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(settings.maxTrackedKeys())
                .ticker(time::currentTimeNanos)
                .expireAfter(Expiry.accessing((String key, Tracked tracked) -> tracked.idleUntilFull()))
                .build();
    }

    /** One token for one scope's key, e.g. the event an organizer invites to, once access to it is checked. */
    public void take(RateLimit limit, Scope scope, Object key) {
        take(limit, Map.of(scope, key));
    }

    /** Like {@link #take(RateLimit, Scope, Object)}, for a caller that skips what is over the limit: false then. */
    public boolean tryTake(RateLimit limit, Scope scope, Object key) {
        try {
            take(limit, Map.of(scope, key));
            return true;
        } catch (TooManyRequests overTheLimit) {
            return false;
        }
    }

    /**
     * One token from each limited scope's bucket, or none: when one refuses, the tokens taken from the others are
     * given back, and the wait said is the longest of the refusing buckets'. Scopes without a key are skipped.
     */
    public void take(RateLimit limit, Map<Scope, ?> keys) {
        Map<Scope, Object> ordered = new EnumMap<>(Scope.class);
        ordered.putAll(keys);
        List<Bucket> taken = new ArrayList<>();
        long longestWait = 0;
        for (Map.Entry<Scope, Object> entry : ordered.entrySet()) {
            Allowance allowance = settings.of(limit).of(entry.getKey());
            if (allowance == null || entry.getValue() == null) {
                continue;
            }
            Bucket bucket = bucket(limit, entry.getKey(), entry.getValue().toString(), allowance);
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                taken.add(bucket);
            } else {
                longestWait = Math.max(longestWait, probe.getNanosToWaitForRefill());
            }
        }
        if (longestWait > 0) {
            taken.forEach(bucket -> bucket.addTokens(1));
            throw new TooManyRequests(limit, Duration.ofNanos(longestWait));
        }
    }

    /**
     * Every bucket full again, as after a restart. For a suite that probes other rules with many requests from one
     * address (the security suite), so that what it asks reaches the handlers and leaves no debt to the next test.
     */
    public void forgetAll() {
        buckets.invalidateAll();
    }

    private Bucket bucket(RateLimit limit, Scope scope, String key, Allowance allowance) {
        String id = limit + "|" + scope + "|" + key;
        return buckets.get(id, ignored -> new Tracked(Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(allowance.requests())
                        .refillGreedy(allowance.requests(), allowance.period()))
                .withCustomTimePrecision(time)
                .build(), allowance.period())).bucket();
    }

    /** Bucket4j's and the cache's time: the application's clock, in nanoseconds since the epoch. */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            var now = clock.instant();
            return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
