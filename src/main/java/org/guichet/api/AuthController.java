package org.guichet.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.ApiCredentials;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing in to the API: email and password (behind the web sign-in's rate limit and throttle) give a short-lived
 * access token and a refresh token; a refresh token gives a new pair once; revoking one signs that sign-in out.
 */
@RestController
@RequestMapping(ApiPaths.V1 + "/auth")
@Tag(name = "Authentication")
@SecurityRequirements // signing in needs no token: "security": [] on these operations
class AuthController {

    record PasswordGrant(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password) {
    }

    record RefreshGrant(@JsonProperty("refresh_token") @NotBlank @Size(max = 100) String refreshToken) {
    }

    /** As OAuth 2.0 names its members (RFC 6749, section 5.1). */
    record TokenResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("refresh_token") String refreshToken) {
    }

    private final ApiSecurityConfig.ApiPasswords passwords;
    private final ApiCredentials credentials;
    private final AccessTokens accessTokens;
    private final ApiSettings settings;

    AuthController(ApiSecurityConfig.ApiPasswords passwords, ApiCredentials credentials, AccessTokens accessTokens,
            ApiSettings settings) {
        this.passwords = passwords;
        this.credentials = credentials;
        this.accessTokens = accessTokens;
        this.settings = settings;
    }

    @PostMapping("/token")
    @Operation(summary = "Sign in with email and password",
            description = "401 bad-credentials for a wrong email or password; 429 with Retry-After after too many.")
    TokenResponse token(@Valid @RequestBody PasswordGrant grant, HttpServletRequest request) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                grant.email(), grant.password());
        attempt.setDetails(new WebAuthenticationDetails(request));
        Authentication signedIn = passwords.manager().authenticate(attempt);
        AccountPrincipal account = (AccountPrincipal) signedIn.getPrincipal();
        return pair(account, credentials.startRefreshFamily(account.id(), settings.refreshTokenLifetime()));
    }

    @PostMapping("/refresh")
    @Operation(summary = "Exchange a refresh token for a new pair",
            description = "Each refresh token works once. Showing a used one again revokes every token of its "
                    + "sign-in (401 invalid-grant).")
    TokenResponse refresh(@Valid @RequestBody RefreshGrant grant) {
        ApiCredentials.Refreshed refreshed = credentials.refresh(grant.refreshToken(), settings.refreshTokenLifetime())
                .orElseThrow(InvalidGrant::new);
        return pair(refreshed.account(), refreshed.refreshToken());
    }

    @PostMapping("/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sign out: revoke a refresh token and its whole family")
    void revoke(@Valid @RequestBody RefreshGrant grant) {
        credentials.revokeRefreshFamily(grant.refreshToken());
    }

    private TokenResponse pair(AccountPrincipal account, String refreshToken) {
        return new TokenResponse(accessTokens.issue(account), "Bearer", accessTokens.lifetimeSeconds(), refreshToken);
    }
}
