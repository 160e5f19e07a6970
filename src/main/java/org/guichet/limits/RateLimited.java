package org.guichet.limits;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller method limited per client address and per account: each request to it takes a token from the
 * buckets of {@link #value()}, or is answered 429 before the method runs.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {

    RateLimit value();

    /**
     * The request parameter that names the account for a visitor not signed in (a typed email address); empty:
     * the signed-in account, if any.
     */
    String accountParameter() default "";
}
