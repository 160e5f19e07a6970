package org.guichet.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import javax.crypto.SecretKey;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.ApiCredentials;
import org.guichet.account.ApiScope;
import org.guichet.account.LoginThrottle;
import org.guichet.account.PersonalTokens;
import org.guichet.config.ThrottledAuthenticationProvider;
import org.guichet.limits.RateLimiter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The API's own filter chain, before the web's: everything under {@code /api/} is stateless (no session, no
 * cookie, no CSRF token, no sign-in form), signed in by a bearer token only: an access token (a JWT this
 * application signed, checked on its clock) or an organizer's personal token ({@code gch_...}, checked in the
 * database). Sign-in ({@code /auth/token}, {@code /auth/refresh}, {@code /auth/revoke}), the OpenAPI document and
 * Swagger UI need no token; every other address answers 401 without one. Refusals are problems
 * ({@link ApiProblems}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiSettings.class)
class ApiSecurityConfig {

    /** Swagger UI's page styles its elements inline; scripts stay the site's own files. */
    static final String DOCS_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /**
     * Open to all: signing in and the documentation. A bearer token sent there anyway (a stale one, say) is not
     * read, so it cannot make signing in fail.
     */
    static final RequestMatcher OPEN = new OrRequestMatcher(
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, ApiPaths.V1 + "/auth/token"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, ApiPaths.V1 + "/auth/refresh"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, ApiPaths.V1 + "/auth/revoke"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, ApiPaths.OPENAPI_DOCUMENT),
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, ApiPaths.OPENAPI_DOCUMENT + ".yaml"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, ApiPaths.OPENAPI_DOCUMENT + "/**"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, ApiPaths.DOCS),
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, ApiPaths.DOCS + "/**"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/api/swagger-ui/**"));
    private static final DefaultBearerTokenResolver BEARER = new DefaultBearerTokenResolver();

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiProblems problems, ApiCredentials credentials, NimbusJwtDecoder jwts)
            throws Exception {
        AuthenticationManager bearers = new ProviderManager(personalTokens(credentials), accessTokens(jwts, credentials));
        http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(OPEN).permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(login -> login.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(request -> OPEN.matches(request) ? null : BEARER.resolve(request))
                        .authenticationManagerResolver(request -> bearers)
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .headers(headers -> headers
                        .addHeaderWriter(new ContentSecurityPolicyHeaderWriter(DOCS_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(Duration.ofDays(365).toSeconds())
                                .includeSubDomains(true)));
        return http.build();
    }

    /** A personal token ({@code gch_...}): looked up, or refused; anything else is left to the JWT check. */
    private static AuthenticationProvider personalTokens(ApiCredentials credentials) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String token = ((BearerTokenAuthenticationToken) authentication).getToken();
                if (!token.startsWith(PersonalTokens.PREFIX)) {
                    return null;
                }
                return credentials.personal(token)
                        .map(bearer -> new ApiAuthentication(bearer.account(), bearer.scopes(),
                                ApiAuthentication.Kind.PERSONAL_TOKEN))
                        .orElseThrow(() -> new InvalidBearerTokenException("Unknown or revoked personal token"));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    /**
     * An access token: signature, issuer and lifetime checked; then the account as it is now (gone: refused), its
     * scopes those of the token that its roles still allow.
     */
    private static AuthenticationProvider accessTokens(NimbusJwtDecoder jwts, ApiCredentials credentials) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(jwts);
        provider.setJwtAuthenticationConverter((Jwt jwt) -> {
            AccountPrincipal account = subject(jwt).flatMap(credentials::account)
                    .orElseThrow(() -> new InvalidBearerTokenException("The token's account no longer exists"));
            Set<ApiScope> scopes = ApiScope.parse(jwt.getClaimAsString(AccessTokens.SCOPE));
            scopes.retainAll(ApiScope.allowedFor(account));
            return new ApiAuthentication(account, scopes, ApiAuthentication.Kind.ACCESS_TOKEN);
        });
        return provider;
    }

    private static java.util.Optional<Long> subject(Jwt jwt) {
        try {
            return java.util.Optional.of(Long.parseLong(jwt.getSubject()));
        } catch (NumberFormatException | NullPointerException e) {
            return java.util.Optional.empty();
        }
    }

    @Bean
    SecretKey apiSigningKey(ApiSettings settings) {
        return ApiSigningKey.of(settings);
    }

    /** Checks access tokens on the application's clock, so tests move time past their lifetime. */
    @Bean
    NimbusJwtDecoder apiJwtDecoder(SecretKey apiSigningKey, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(apiSigningKey).macAlgorithm(MacAlgorithm.HS256)
                .build();
        JwtTimestampValidator lifetime = new JwtTimestampValidator(CLOCK_SKEW);
        lifetime.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(lifetime,
                new JwtIssuerValidator(AccessTokens.ISSUER),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull)));
        return decoder;
    }

    @Bean
    AccessTokens accessTokens(SecretKey apiSigningKey, ApiSettings settings, Clock clock) {
        return new AccessTokens(NimbusJwtEncoder.withSecretKey(apiSigningKey).build(), settings, clock);
    }

    /** API annotations name their scope in braces ({@code @VerifiedAccount("write")}). */
    @Bean
    static AnnotationTemplateExpressionDefaults apiAnnotationTemplates() {
        return new AnnotationTemplateExpressionDefaults();
    }

    /** The API's password sign-in: the web form's provider, behind the same limit and throttle. */
    @Bean
    ApiPasswords apiPasswords(UserDetailsService accounts, PasswordEncoder passwordEncoder, LoginThrottle throttle,
            RateLimiter limits) {
        return new ApiPasswords(new ProviderManager(
                ThrottledAuthenticationProvider.passwords(accounts, passwordEncoder, throttle, limits)));
    }

    /** The password check {@code POST /api/v1/auth/token} uses (a holder, not an AuthenticationManager bean). */
    record ApiPasswords(AuthenticationManager manager) {
    }
}
