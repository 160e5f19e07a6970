package org.guichet.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.ApiScope;
import org.guichet.account.Role;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Signs access tokens: a JWT (HS256) naming the account ({@code sub}, its id), its roles, whether its address is
 * proved ({@code verified}) and the scopes its roles allow ({@code scope}), valid for
 * {@code guichet.api.access-token-lifetime} on the application's clock.
 */
final class AccessTokens {

    static final String ISSUER = "guichet";
    static final String ROLES = "roles";
    static final String VERIFIED = "verified";
    static final String SCOPE = "scope";

    private final JwtEncoder encoder;
    private final ApiSettings settings;
    private final Clock clock;

    AccessTokens(JwtEncoder encoder, ApiSettings settings, Clock clock) {
        this.encoder = encoder;
        this.settings = settings;
        this.clock = clock;
    }

    String issue(AccountPrincipal account) {
        Instant now = clock.instant();
        Set<ApiScope> scopes = ApiScope.allowedFor(account);
        List<String> roles = java.util.Arrays.stream(Role.values()).filter(account::hasRole).map(Role::name).toList();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(Long.toString(account.id()))
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(settings.accessTokenLifetime()))
                .claim(ROLES, roles)
                .claim(VERIFIED, account.isVerified())
                .claim(SCOPE, ApiScope.join(scopes))
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    long lifetimeSeconds() {
        return settings.accessTokenLifetime().toSeconds();
    }
}
