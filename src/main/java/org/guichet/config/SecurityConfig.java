package org.guichet.config;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import javax.sql.DataSource;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.EmailVerification;
import org.guichet.account.LoginThrottle;
import org.guichet.account.Role;
import org.guichet.account.SessionTerminator;
import org.guichet.account.SignedInSession;
import org.guichet.limits.RateLimiter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every URL rule in one place; services add method security ({@code @PreAuthorize}) on top. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(RememberMeSettings.class)
class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /** The door's camera scanner decodes QR codes with WebAssembly where the browser has no BarcodeDetector. */
    static final String CHECK_IN_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval'");
    static final String CSRF_COOKIE = "guichet-csrf";
    private static final RequestMatcher CHECK_IN = PathPatternRequestMatcher.pathPattern("/dashboard/events/*/checkin");
    /** The page (any method: a refused POST is forwarded there too) that asks to confirm the address first. */
    static final String VERIFICATION_REQUIRED = "/account/verification/required";
    private static final RequestMatcher ONE_EVENTS_DASHBOARD = new AndRequestMatcher(
            PathPatternRequestMatcher.pathPattern("/dashboard/events/*/**"),
            new NegatedRequestMatcher(PathPatternRequestMatcher.pathPattern("/dashboard/events/new")));

    /**
     * A visitor (not signed in, not remembered) choosing a language: the pages kept for all visitors carry no token,
     * and all it changes is the language cookie. Signed in, the choice is saved to the account: a token is needed.
     */
    private static final RequestMatcher VISITOR_LANGUAGE_SWITCH = new AndRequestMatcher(
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/locale"), SecurityConfig::aVisitor);

    @Bean
    SecurityFilterChain web(HttpSecurity http, UserDetailsService accounts, PasswordEncoder passwordEncoder,
            LoginThrottle throttle, RateLimiter limits, RememberMeTokens rememberMeTokens, SessionTerminator sessions,
            RememberMeSettings rememberMeSettings, Clock clock, EmailVerification verification,
            SignedInSession session, AuthenticationSuccessHandler loginSucceeded,
            AuthenticationFailureHandler loginFailed,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> pages,
            @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies) throws Exception {
        RememberMeServicesWithGrace rememberMe = new RememberMeServicesWithGrace(RememberMeKey.random(), accounts,
                rememberMeTokens, sessions, rememberMeSettings, clock);

        http
                .authenticationManager(authenticationManager(accounts, passwordEncoder, throttle, limits, rememberMe.getKey()))
                .authorizeHttpRequests(requests -> requests
                        // Until its address is proved an account browses and edits its profile, nothing more.
                        .requestMatchers("/events/*/register", "/events/*/waitlist", "/waitlist/**", "/orders/**",
                                "/invitations", "/invitations/**").hasAuthority(AccountPrincipal.VERIFIED)
                        .requestMatchers("/", "/events", "/events/**", "/login", "/login/throttled", "/signup", "/signup/sent",
                                "/password/**", "/account/email/confirm", "/account/verify",
                                "/locale", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/favicon.ico", "/actuator/health", "/dev/mailbox/**", "/.well-known/**", "/sandbox/**",
                                "/payments/webhook/**", "/mail/unsubscribe", "/mail/resubscribe").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        // Personal API tokens are for organizers, once their address is proved, as the dashboard.
                        .requestMatchers("/dashboard/**", "/account/api-tokens", "/account/api-tokens/**")
                        .access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasAnyRole("ORGANIZER", "ADMIN"),
                                AuthorityAuthorizationManager.hasAuthority(AccountPrincipal.VERIFIED)))
                        .anyRequest().authenticated())
                .formLogin(login -> login
                        .loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler(loginSucceeded)
                        .failureHandler(loginFailed)
                        .permitAll())
                .addFilterBefore(new VerificationRefresh(verification, session), AuthorizationFilter.class)
                .exceptionHandling(errors -> errors.accessDeniedHandler(SecurityConfig::denied)
                        .authenticationEntryPoint(new KnownPagesEntryPoint(pages)))
                // Gateways sign their webhooks, and mail providers' one-click unsubscribe posts a signed link: neither
                // can carry a CSRF token, and the signature is what authorizes them.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens(secureCookies))
                        .ignoringRequestMatchers(PathPatternRequestMatcher.pathPattern("/payments/webhook/**"),
                                PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/mail/unsubscribe"),
                                PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/mail/resubscribe"),
                                VISITOR_LANGUAGE_SWITCH))
                .rememberMe(remember -> remember.rememberMeServices(rememberMe).key(rememberMe.getKey()))
                .addFilterBefore(new StolenRememberMeCookie(), RememberMeAuthenticationFilter.class)
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/?loggedOut")
                        .deleteCookies("SESSION"))
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(CHECK_IN),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(CHECK_IN,
                                new ContentSecurityPolicyHeaderWriter(CHECK_IN_POLICY)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(Duration.ofDays(365).toSeconds())
                                .includeSubDomains(true)));
        return http.build();
    }

    private static boolean aVisitor(HttpServletRequest request) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken)) {
            return false;
        }
        Cookie[] cookies = request.getCookies();
        return cookies == null || Arrays.stream(cookies).map(Cookie::getName)
                .noneMatch(RememberMeServicesWithGrace.COOKIE::equals);
    }

    /** Passwords (behind the throttle) and remember-me cookies; no parent manager that could skip the throttle. */
    private static AuthenticationManager authenticationManager(UserDetailsService accounts,
            PasswordEncoder passwordEncoder, LoginThrottle throttle, RateLimiter limits, String rememberMeKey) {
        return new ProviderManager(ThrottledAuthenticationProvider.passwords(accounts, passwordEncoder, throttle, limits),
                new RememberMeAuthenticationProvider(rememberMeKey));
    }

    /**
     * The CSRF token lives in a cookie of its own, not in the session: a visitor reading pages gets no session and
     * costs no database write. The form or header must repeat it (masked anew on each page), which another site
     * cannot read; with secure cookies its name takes the {@code __Host-} prefix, so no subdomain can set it.
     */
    static CsrfTokenRepository csrfTokens(boolean secure) {
        CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();
        cookies.setCookieName(secure ? "__Host-guichet-csrf" : CSRF_COOKIE);
        cookies.setCookiePath("/");
        cookies.setCookieCustomizer(cookie -> cookie.httpOnly(true).secure(secure).sameSite("Lax"));
        return cookies;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RememberMeTokens rememberMeTokens(DataSource dataSource) {
        return new RememberMeTokens(dataSource);
    }

    /**
     * An account whose address is not proved yet, refused what it could do once proved, is told so, with a button
     * to send the link again. Someone who may not manage events asking for one event's dashboard pages is told it
     * does not exist, as another organizer is: those pages never confirm that an event id is real. A bad CSRF token
     * stays a 403. The form for a new event is no event's page: it stays a 403, as the dashboard is.
     */
    private static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(denied instanceof CsrfException) && awaitsVerification(request)) {
            AccessDeniedHandlerImpl verificationPage = new AccessDeniedHandlerImpl();
            verificationPage.setErrorPage(VERIFICATION_REQUIRED);
            verificationPage.handle(request, response, denied);
            return;
        }
        if (!(denied instanceof CsrfException) && ONE_EVENTS_DASHBOARD.matches(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        new AccessDeniedHandlerImpl().handle(request, response, denied);
    }

    /** Signed in, not verified, and asking for something verifying would open (the dashboard: to organizers). */
    private static boolean awaitsVerification(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)
                || principal.isVerified()) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/admin")) {
            return false;
        }
        boolean organizersOnly = path.startsWith("/dashboard") || path.startsWith("/account/api-tokens");
        return !organizersOnly || principal.hasRole(Role.ORGANIZER) || principal.hasRole(Role.ADMIN);
    }
}
