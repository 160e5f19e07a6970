package org.guichet.demo;

import java.util.function.Supplier;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.User;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Seeding goes through the same secured services people use, each call signed in as the demo account it is for. */
final class ActingAs {

    private ActingAs() {
    }

    static <T> T as(User user, Supplier<T> action) {
        AccountPrincipal principal = AccountPrincipal.of(user);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
