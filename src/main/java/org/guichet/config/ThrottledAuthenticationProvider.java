package org.guichet.config;

import org.guichet.account.LoginThrottle;
import org.guichet.account.LoginThrottled;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Password sign-in behind the login throttle: refused early while throttled, failures counted. */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String email = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        throttle.waitBeforeAttempt(email, address).ifPresent(wait -> {
            throw new LoginThrottled(wait);
        });
        try {
            Authentication authenticated = passwords.authenticate(attempt);
            throttle.recordSuccess(email);
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
