package org.guichet.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

/**
 * One "keep me signed in" login, as stored: a series that stays the same for the device and a value that changes
 * at every use. It judges the value a cookie presents.
 */
record RememberMeToken(String username, String series, String value, String previousValue, Instant rotatedAt,
        Instant lastUsed) {

    enum Verdict {
        /** The value in force: the login is good, and the value is rotated. */
        CURRENT,
        /** The value replaced a moment ago, by a request sent at the same time: good, not rotated again. */
        JUST_REPLACED,
        /** Unused for longer than the cookie lasts. */
        EXPIRED,
        /** Any other value of a known series: a copy of the cookie was used elsewhere. */
        STOLEN
    }

    Verdict judge(String presented, Instant now, Duration validity, Duration grace) {
        if (same(presented, value)) {
            return now.isAfter(lastUsed.plus(validity)) ? Verdict.EXPIRED : Verdict.CURRENT;
        }
        if (previousValue != null && rotatedAt != null && same(presented, previousValue)
                && !now.isAfter(rotatedAt.plus(grace))) {
            return Verdict.JUST_REPLACED;
        }
        return Verdict.STOLEN;
    }

    private static boolean same(String presented, String stored) {
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                stored.getBytes(StandardCharsets.UTF_8));
    }
}
