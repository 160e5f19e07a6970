package org.guichet.support;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.Role;
import org.guichet.account.SignupRequest;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Test accounts, each with its own address. By default verified, written as an operator would (so no verification
 * mail waits in their mailbox); an unverified one is made through the real sign-up, with its mailed link.
 */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static volatile UserRepository repository;
    private static volatile Clock clock;
    private static volatile String sharedHash;

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

    /** An organizer with a name of their own, where a test tells it apart from everyone else's "Camille Test". */
    public static User organizer(String firstName, String lastName) {
        User user = new User(uniqueEmail("organizer"), passwordHash(), firstName, lastName, Locale.ENGLISH,
                EnumSet.of(Role.ORGANIZER), clock.instant());
        user.verifyEmail(clock.instant());
        return repository.save(user);
    }

    public static User signUp(AccountService accounts, String email, Set<Role> roles, Locale language) {
        User user = new User(email, passwordHash(), "Camille", "Test", language, roles, clock.instant());
        user.verifyEmail(clock.instant());
        return repository.save(user);
    }

    /** A participant who has not followed the link sent at sign-up yet. */
    public static User unverifiedParticipant(AccountService accounts) {
        return signUpUnverified(accounts, uniqueEmail("unverified"), EnumSet.noneOf(Role.class), Locale.ENGLISH);
    }

    public static User signUpUnverified(AccountService accounts, String email, Set<Role> roles, Locale language) {
        return accounts.signUp(new SignupRequest(email, PASSWORD, "Camille", "Test",
                roles.contains(Role.ORGANIZER), language)).orElseThrow();
    }

    /** The account as it is once its address is proved (the test clock's now). */
    public static User verified(User user) {
        User stored = repository.findById(user.getId()).orElseThrow();
        stored.verifyEmail(clock.instant());
        return repository.save(stored);
    }

    /** Called once by the shared test context ({@link TestSupportConfig}). */
    static void use(UserRepository users, PasswordEncoder encoder, Clock testClock) {
        repository = users;
        clock = testClock;
        sharedHash = encoder.encode(PASSWORD);
    }

    private static String passwordHash() {
        return sharedHash;
    }

    /** Administrators are not made by sign-up; this one is written directly, as an operator would. */
    public static User admin(UserRepository users, PasswordEncoder passwordEncoder) {
        User admin = new User(uniqueEmail("admin"), passwordEncoder.encode(PASSWORD), "Ada", "Admin",
                Locale.ENGLISH, EnumSet.of(Role.ADMIN, Role.ORGANIZER), Instant.now());
        admin.verifyEmail(Instant.now());
        return users.save(admin);
    }

    /** Many participants at once (load tests): one password hash shared, the rest as sign-up makes them. */
    public static List<User> participants(UserRepository users, PasswordEncoder passwordEncoder, int count) {
        String hash = passwordEncoder.encode(PASSWORD);
        List<User> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            User member = new User(uniqueEmail("crowd"), hash, "Crowd", "Member " + i, Locale.ENGLISH,
                    EnumSet.noneOf(Role.class), Instant.now());
            member.verifyEmail(Instant.now());
            made.add(users.save(member));
        }
        return made;
    }

    /** An authentication for MockMvc's {@code authentication(...)} post-processor. */
    public static Authentication signedIn(User user) {
        AccountPrincipal principal = AccountPrincipal.of(user);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
