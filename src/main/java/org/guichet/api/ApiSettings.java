package org.guichet.api;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API's settings ({@code guichet.api.*}).
 *
 * @param accessTokenLifetime how long an access token (a signed JWT) from {@code /api/v1/auth/token} works
 * @param refreshTokenLifetime how long a refresh token works unused (each use gives a new one)
 * @param signingKey the base64 HMAC-SHA256 key signing access tokens (at least 32 bytes); required in prod
 *        ({@code GUICHET_API_KEY}); empty: read from (or made into) {@code keyFile}
 * @param keyFile where the default run keeps the key it generated
 */
@ConfigurationProperties("guichet.api")
public record ApiSettings(
        @DefaultValue("15m") Duration accessTokenLifetime,
        @DefaultValue("30d") Duration refreshTokenLifetime,
        @DefaultValue("") String signingKey,
        @DefaultValue("./data/api-signing-key") Path keyFile) {
}
