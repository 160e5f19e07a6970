package org.guichet.registration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reminders before events ({@code guichet.reminders.*}): how often the job looks for reminders that are due (5
 * minutes by default, so a reminder goes out at most that late).
 */
@ConfigurationProperties("guichet.reminders")
public record ReminderSettings(Duration checkInterval) {

    public ReminderSettings {
        checkInterval = checkInterval == null ? Duration.ofMinutes(5) : checkInterval;
    }
}
