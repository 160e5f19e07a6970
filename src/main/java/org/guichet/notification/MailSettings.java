package org.guichet.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("guichet.mail")
record MailSettings(String from, Duration pollInterval, Duration retryBaseDelay, int maxAttempts) {

    RetrySchedule retrySchedule() {
        return new RetrySchedule(retryBaseDelay, maxAttempts);
    }
}
