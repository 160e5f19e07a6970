package org.guichet.config;

import java.io.IOException;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.guichet.account.LoginThrottle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
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
class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /** The door's camera scanner decodes QR codes with WebAssembly where the browser has no BarcodeDetector. */
    static final String CHECK_IN_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval'");
    private static final RequestMatcher CHECK_IN = PathPatternRequestMatcher.pathPattern("/dashboard/events/*/checkin");
    private static final RequestMatcher ONE_EVENTS_DASHBOARD = new AndRequestMatcher(
            PathPatternRequestMatcher.pathPattern("/dashboard/events/*/**"),
            new NegatedRequestMatcher(PathPatternRequestMatcher.pathPattern("/dashboard/events/new")));
    private static final Duration REMEMBER_ME_VALIDITY = Duration.ofDays(30);

    @Bean
    SecurityFilterChain web(HttpSecurity http, UserDetailsService accounts, PasswordEncoder passwordEncoder,
            LoginThrottle throttle, PersistentTokenRepository rememberMeTokens,
            AuthenticationSuccessHandler loginSucceeded, AuthenticationFailureHandler loginFailed,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> pages)
            throws Exception {
        PersistentTokenBasedRememberMeServices rememberMe = new PersistentTokenBasedRememberMeServices(
                RememberMeKey.random(), accounts, rememberMeTokens);
        rememberMe.setTokenValiditySeconds((int) REMEMBER_ME_VALIDITY.toSeconds());
        rememberMe.setParameter("remember-me");

        http
                .authenticationManager(authenticationManager(accounts, passwordEncoder, throttle, rememberMe.getKey()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/events/*/register", "/events/*/waitlist").authenticated()
                        .requestMatchers("/", "/events", "/events/**", "/login", "/signup", "/password/**", "/account/email/confirm",
                                "/locale", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/media/**",
                                "/favicon.ico", "/actuator/health", "/dev/mailbox/**", "/.well-known/**", "/sandbox/**",
                                "/payments/webhook/**").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/dashboard/**").hasAnyRole("ORGANIZER", "ADMIN")
                        .anyRequest().authenticated())
                .formLogin(login -> login
                        .loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler(loginSucceeded)
                        .failureHandler(loginFailed)
                        .permitAll())
                .exceptionHandling(errors -> errors.accessDeniedHandler(SecurityConfig::denied)
                        .authenticationEntryPoint(new KnownPagesEntryPoint(pages)))
                // Gateways sign their webhooks; they cannot carry a CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/payments/webhook/**"))
                .rememberMe(remember -> remember.rememberMeServices(rememberMe).key(rememberMe.getKey()))
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

    /** Passwords (behind the throttle) and remember-me cookies; no parent manager that could skip the throttle. */
    private static AuthenticationManager authenticationManager(UserDetailsService accounts,
            PasswordEncoder passwordEncoder, LoginThrottle throttle, String rememberMeKey) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle),
                new RememberMeAuthenticationProvider(rememberMeKey));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    PersistentTokenRepository rememberMeTokens(DataSource dataSource) {
        JdbcTokenRepositoryImpl tokens = new JdbcTokenRepositoryImpl();
        tokens.setDataSource(dataSource);
        return tokens;
    }

    /**
     * Someone who may not manage events asking for one event's dashboard pages is told it does not exist, as
     * another organizer is: those pages never confirm that an event id is real. The form for a new event is no
     * event's page: it stays a 403, as the dashboard is. A bad CSRF token stays a 403.
     */
    private static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(denied instanceof CsrfException) && ONE_EVENTS_DASHBOARD.matches(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        new AccessDeniedHandlerImpl().handle(request, response, denied);
    }
}
