package org.guichet.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LoginThrottlePolicyTests {

    private final LoginThrottlePolicy policy = LoginThrottlePolicy.PER_ACCOUNT;
    private final Instant now = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void letsTheFirstFourFailuresPassFreely() {
        for (int failures = 1; failures <= 4; failures++) {
            assertThat(policy.lockedUntil(failures, now)).isNull();
        }
    }

    @Test
    void doublesTheWaitAfterEachFurtherFailureThenLocksForFifteenMinutes() {
        assertThat(policy.lockedUntil(5, now)).isEqualTo(now.plusSeconds(5));
        assertThat(policy.lockedUntil(6, now)).isEqualTo(now.plusSeconds(10));
        assertThat(policy.lockedUntil(9, now)).isEqualTo(now.plusSeconds(80));
        assertThat(policy.lockedUntil(10, now)).isEqualTo(now.plus(Duration.ofMinutes(15)));
    }

    @Test
    void forgetsFailuresAfterHalfAnHourWithoutNewOnes() {
        LoginThrottleEntry entry = new LoginThrottleEntry("account:x@example.com");
        for (int i = 0; i < 6; i++) {
            entry.recordFailure(now, policy);
        }
        entry.recordFailure(now.plus(Duration.ofMinutes(31)), policy);
        assertThat(entry.failures()).isEqualTo(1);
        assertThat(entry.lockedUntil()).isNull();
    }

    @Test
    void toleratesMoreFailuresFromOneAddressThanForOneAccount() {
        assertThat(LoginThrottlePolicy.PER_ADDRESS.lockedUntil(10, now)).isNull();
        assertThat(LoginThrottlePolicy.PER_ADDRESS.lockedUntil(50, now)).isEqualTo(now.plus(Duration.ofMinutes(15)));
    }
}
