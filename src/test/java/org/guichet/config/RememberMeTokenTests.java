package org.guichet.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.guichet.config.RememberMeToken.Verdict;
import org.junit.jupiter.api.Test;

/** What a presented cookie value means for a stored remember-me login. */
class RememberMeTokenTests {

    private static final Duration VALIDITY = Duration.ofDays(30);
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Instant ROTATED = Instant.parse("2026-03-01T10:00:00Z");

    private final RememberMeToken rotated = new RememberMeToken("ada@example.org", "series", "new", "old", ROTATED,
            ROTATED);

    @Test
    void theValueInForceIsCurrentUntilTheLoginHasGoneUnusedForItsValidity() {
        assertThat(rotated.judge("new", ROTATED.plusSeconds(1), VALIDITY, GRACE)).isEqualTo(Verdict.CURRENT);
        assertThat(rotated.judge("new", ROTATED.plus(VALIDITY), VALIDITY, GRACE)).isEqualTo(Verdict.CURRENT);
        assertThat(rotated.judge("new", ROTATED.plus(VALIDITY).plusSeconds(1), VALIDITY, GRACE))
                .isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void theValueJustReplacedIsAcceptedDuringTheGraceOnly() {
        assertThat(rotated.judge("old", ROTATED, VALIDITY, GRACE)).isEqualTo(Verdict.JUST_REPLACED);
        assertThat(rotated.judge("old", ROTATED.plus(GRACE), VALIDITY, GRACE)).isEqualTo(Verdict.JUST_REPLACED);
        assertThat(rotated.judge("old", ROTATED.plus(GRACE).plusMillis(1), VALIDITY, GRACE))
                .isEqualTo(Verdict.STOLEN);
    }

    @Test
    void anyOtherValueOfTheSeriesIsAStolenCookie() {
        assertThat(rotated.judge("older", ROTATED, VALIDITY, GRACE)).isEqualTo(Verdict.STOLEN);
        RememberMeToken neverRotated = new RememberMeToken("ada@example.org", "series", "first", null, null,
                ROTATED);
        assertThat(neverRotated.judge("first", ROTATED, VALIDITY, GRACE)).isEqualTo(Verdict.CURRENT);
        assertThat(neverRotated.judge("guess", ROTATED, VALIDITY, GRACE)).isEqualTo(Verdict.STOLEN);
    }
}
