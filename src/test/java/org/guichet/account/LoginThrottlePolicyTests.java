package org.guichet.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LoginThrottlePolicyTests {

    private final Instant now = Instant.parse("2026-11-24T10:00:00Z");

    /** One account from one address: five free failures, then doubling waits up to 15 minutes. */
    @ParameterizedTest(name = "after {0} failures: wait {1}")
    @CsvSource({
            "1, PT0S", "5, PT0S", "6, PT5S", "7, PT10S", "8, PT20S", "10, PT1M20S", "12, PT5M20S", "13, PT10M40S",
            "14, PT15M", "100, PT15M", "100000, PT15M"})
    void slowsOneAccountFromOneAddressUpToAQuarterOfAnHour(int failures, Duration wait) {
        assertThat(LoginThrottlePolicy.PER_ACCOUNT_AND_ADDRESS.waitAfter(failures)).isEqualTo(wait);
    }

    /** One account from every address: ten free failures, then waits that never pass two minutes. */
    @ParameterizedTest(name = "after {0} failures: wait {1}")
    @CsvSource({"1, PT0S", "10, PT0S", "11, PT5S", "12, PT10S", "14, PT40S", "15, PT1M20S", "16, PT2M", "50, PT2M",
            "100000, PT2M"})
    void slowsOneAccountOverAllAddressesButNeverForMoreThanTwoMinutes(int failures, Duration wait) {
        assertThat(LoginThrottlePolicy.PER_ACCOUNT.waitAfter(failures)).isEqualTo(wait);
    }

    /** One address over every account: twenty free failures, then doubling waits up to 15 minutes. */
    @ParameterizedTest(name = "after {0} failures: wait {1}")
    @CsvSource({"1, PT0S", "20, PT0S", "21, PT2S", "22, PT4S", "29, PT8M32S", "30, PT15M", "1000, PT15M"})
    void slowsOneAddressOverAllAccountsUpToAQuarterOfAnHour(int failures, Duration wait) {
        assertThat(LoginThrottlePolicy.PER_ADDRESS.waitAfter(failures)).isEqualTo(wait);
    }

    @Test
    void neverLocksAnAccountForLongerThanItsLongestWait() {
        for (LoginThrottlePolicy policy : new LoginThrottlePolicy[] {LoginThrottlePolicy.PER_ACCOUNT_AND_ADDRESS,
                LoginThrottlePolicy.PER_ACCOUNT, LoginThrottlePolicy.PER_ADDRESS}) {
            for (int failures = 0; failures < 200; failures++) {
                assertThat(policy.waitAfter(failures)).isLessThanOrEqualTo(policy.longestDelay());
            }
        }
        assertThat(LoginThrottlePolicy.PER_ACCOUNT.longestDelay()).isLessThanOrEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theNextAttemptWaitsFromTheLastFailure() {
        assertThat(LoginThrottlePolicy.PER_ACCOUNT.nextAttemptAt(10, now)).isNull();
        assertThat(LoginThrottlePolicy.PER_ACCOUNT.nextAttemptAt(11, now)).isEqualTo(now.plusSeconds(5));
    }

    @Test
    void forgetsFailuresAfterItsMemoryWithoutNewOnes() {
        LoginThrottlePolicy policy = LoginThrottlePolicy.PER_ACCOUNT;
        LoginThrottleEntry entry = new LoginThrottleEntry("account:x@example.com");
        for (int i = 0; i < 12; i++) {
            entry.recordFailure(now, policy);
        }
        assertThat(entry.lockedUntil()).isEqualTo(now.plusSeconds(10));
        entry.recordFailure(now.plus(Duration.ofMinutes(29)), policy);
        assertThat(entry.failures()).isEqualTo(13);
        entry.recordFailure(now.plus(Duration.ofMinutes(60)), policy);
        assertThat(entry.failures()).isEqualTo(1);
        assertThat(entry.lockedUntil()).isNull();
    }
}
