package org.guichet.account;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Sign-in refused before the password is even checked: too many recent failures. */
public class LoginThrottled extends AuthenticationException {

    private final Duration retryAfter;

    public LoginThrottled(Duration retryAfter) {
        super("Too many failed sign-in attempts");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
