package org.guichet.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Email verification ({@code guichet.verification.*}): how long a link sent at sign-up works, how long an account
 * may stay unverified before it is deleted, and how often the clean-up looks for such accounts.
 */
@ConfigurationProperties("guichet.verification")
public record VerificationSettings(Duration linkValidity, Duration unverifiedLifetime, Duration cleanupInterval) {

    public VerificationSettings {
        linkValidity = linkValidity == null ? Duration.ofHours(48) : linkValidity;
        unverifiedLifetime = unverifiedLifetime == null ? Duration.ofDays(7) : unverifiedLifetime;
        cleanupInterval = cleanupInterval == null ? Duration.ofHours(1) : cleanupInterval;
    }
}
