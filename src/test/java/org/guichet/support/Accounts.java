package org.guichet.support;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.Role;
import org.guichet.account.SignupRequest;
import org.guichet.account.User;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Test accounts made through the real sign-up, each with its own address. */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Accounts() {
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet() + "@example.org";
    }

    public static User participant(AccountService accounts) {
        return signUp(accounts, uniqueEmail("participant"), EnumSet.noneOf(Role.class), Locale.ENGLISH);
    }

    public static User organizer(AccountService accounts) {
        return signUp(accounts, uniqueEmail("organizer"), EnumSet.of(Role.ORGANIZER), Locale.ENGLISH);
    }

    public static User signUp(AccountService accounts, String email, Set<Role> roles, Locale language) {
        return accounts.signUp(new SignupRequest(email, PASSWORD, "Camille", "Test",
                roles.contains(Role.ORGANIZER), language));
    }

    /** An authentication for MockMvc's {@code authentication(...)} post-processor. */
    public static Authentication signedIn(User user) {
        AccountPrincipal principal = AccountPrincipal.of(user);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
