package org.guichet.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * "Keep me signed in": how long a cookie lasts without being used ({@code validity}), how long the value a
 * rotation just replaced is still accepted for its series ({@code grace}: tabs that a restarted browser opens
 * together all carry it), and whether the cookie is marked {@code Secure} whatever the request
 * ({@code secure-cookie}, on in {@code prod}; otherwise it is when the request came over HTTPS).
 */
@ConfigurationProperties("guichet.remember-me")
record RememberMeSettings(Duration validity, Duration grace, boolean secureCookie) {
}
