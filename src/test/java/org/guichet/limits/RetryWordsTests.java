package org.guichet.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

class RetryWordsTests {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    RetryWordsTests() {
        messages.setBasename("messages/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    /** Rounded up, so that trying again at the time said always works. */
    @ParameterizedTest(name = "{0}: {1} / {2} / Retry-After {3}")
    @CsvSource(delimiter = '|', value = {
            "PT0.2S   | in 1 second    | dans 1 seconde    | 1",
            "PT1S     | in 1 second    | dans 1 seconde    | 1",
            "PT1.5S   | in 2 seconds   | dans 2 secondes   | 2",
            "PT72S    | in 72 seconds  | dans 72 secondes  | 72",
            "PT90S    | in 90 seconds  | dans 90 secondes  | 90",
            "PT91S    | in 2 minutes   | dans 2 minutes    | 91",
            "PT14M24S | in 15 minutes  | dans 15 minutes   | 864",
            "PT90M    | in 90 minutes  | dans 90 minutes   | 5400",
            "PT91M    | in 2 hours     | dans 2 heures     | 5460",
            "PT24H    | in 24 hours    | dans 24 heures    | 86400"})
    void saysWhenToTryAgainInWords(Duration wait, String english, String french, long header) {
        assertThat(messages.getMessage(RetryWords.of(wait), Locale.ENGLISH)).isEqualTo(english);
        assertThat(messages.getMessage(RetryWords.of(wait), Locale.FRENCH)).isEqualTo(french);
        assertThat(RetryWords.wholeSeconds(wait)).isEqualTo(header);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"5/1h, 5, PT1H", "100/1d, 100, PT24H", "30/10m, 30, PT10M", "' 3 / 90s ', 3, PT1M30S"})
    void readsAnAllowanceAsTheSettingsWriteIt(String text, int requests, Duration period) {
        RateLimitSettings.Allowance allowance = RateLimitSettings.Allowance.valueOf(text);
        assertThat(allowance.requests()).isEqualTo(requests);
        assertThat(allowance.period()).isEqualTo(period);
    }
}
