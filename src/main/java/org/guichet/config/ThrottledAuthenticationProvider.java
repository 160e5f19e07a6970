package org.guichet.config;

import org.guichet.account.LoginThrottle;
import org.guichet.account.LoginThrottled;
import org.guichet.limits.RateLimit;
import org.guichet.limits.RateLimiter;
import org.guichet.limits.TooManyRequests;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in behind the login rate limit (every attempt from one client address) and the login throttle
 * (failures): refused early while either says wait, failures counted, success forgets them.
 */
public final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final RateLimiter limits;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, RateLimiter limits) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.limits = limits;
    }

    /**
     * Email and password checked against the accounts, behind the limit and the throttle: the web's sign-in form and
     * the API's {@code POST /api/v1/auth/token} both use this, so neither is a way around the other's limits. The
     * client address comes from the attempt's {@link WebAuthenticationDetails}.
     */
    public static AuthenticationProvider passwords(UserDetailsService accounts, PasswordEncoder passwordEncoder,
            LoginThrottle throttle, RateLimiter limits) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ThrottledAuthenticationProvider(passwords, throttle, limits);
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String email = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        try {
            limits.take(RateLimit.LOGIN, RateLimit.Scope.ADDRESS, address);
        } catch (TooManyRequests tooMany) {
            throw new LoginThrottled(tooMany.retryAfter());
        }
        throttle.waitBeforeAttempt(email, address).ifPresent(wait -> {
            throw new LoginThrottled(wait);
        });
        try {
            Authentication authenticated = passwords.authenticate(attempt);
            throttle.recordSuccess(email, address);
            return authenticated;
        } catch (BadCredentialsException wrongPassword) {
            throttle.recordFailure(email, address);
            throw wrongPassword;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
