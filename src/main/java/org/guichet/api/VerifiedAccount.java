package org.guichet.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The API method needs a token with the given scope AND an account whose address is proved, as the web asks for
 * registering, buying, the waiting list and the dashboard: without it a 403 problem of type {@code unverified}.
 * Combine with nothing else: it holds both checks ({@code @VerifiedAccount("write")}).
 */
@Documented
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAuthority('VERIFIED') and hasAuthority('SCOPE_{value}')")
public @interface VerifiedAccount {

    /** The scope the method needs besides: read, write or checkin. */
    String value();
}
