package org.guichet.account;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.guichet.notification.Mail;
import org.guichet.shared.AbsoluteLinks;
import org.guichet.shared.Refusal;
import org.guichet.notification.Outbox;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgotten passwords: a link with a random single-use token, valid one hour. The request is answered the same
 * whether or not the address has an account; using the link ends every session of the user and forgets the failed
 * sign-ins counted against the account.
 */
@Service
public class PasswordResetService {

    static final Duration VALIDITY = Duration.ofHours(1);
    /** The configured administrator's first link: a new install may wait a weekend before anyone reads it. */
    static final Duration FIRST_PASSWORD_VALIDITY = Duration.ofHours(72);
    /** Links sent to one account per hour at most, so the form cannot be used to flood a mailbox. */
    static final int MAX_LINKS_PER_HOUR = 3;

    private final UserRepository users;
    private final AccountTokens tokens;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final Outbox outbox;
    private final SessionTerminator sessions;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final AbsoluteLinks links;

    PasswordResetService(UserRepository users, AccountTokens tokens, PasswordPolicy passwordPolicy,
            PasswordEncoder passwordEncoder, Outbox outbox, SessionTerminator sessions, LoginThrottle throttle,
            Clock clock,
            AbsoluteLinks links) {
        this.clock = clock;
        this.users = users;
        this.tokens = tokens;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.outbox = outbox;
        this.sessions = sessions;
        this.throttle = throttle;
        this.links = links;
    }

    @Transactional
    public void requestReset(String email) {
        Optional<User> account = users.findByEmail(EmailAddresses.normalise(email));
        if (account.isEmpty()) {
            return;
        }
        User user = account.get();
        if (tokens.issuedSince(user.getId(), AccountToken.Purpose.PASSWORD_RESET, Duration.ofHours(1))
                >= MAX_LINKS_PER_HOUR) {
            return;
        }
        String secret = tokens.issue(user.getId(), AccountToken.Purpose.PASSWORD_RESET, null, VALIDITY);
        outbox.enqueue(Mail.of(user.getEmail(), user.getLanguage(), "password-reset", Map.of(
                "firstName", user.getFirstName(),
                "link", links.base() + "/password/reset?token=" + secret,
                "validMinutes", VALIDITY.toMinutes())));
    }

    /**
     * An account made without a password (the configured administrator) gets the same single-use reset link,
     * valid longer, in a mail that says why it came.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void sendFirstPasswordLink(User user) {
        String secret = tokens.issue(user.getId(), AccountToken.Purpose.PASSWORD_RESET, null,
                FIRST_PASSWORD_VALIDITY);
        outbox.enqueue(Mail.of(user.getEmail(), user.getLanguage(), "administrator-welcome", Map.of(
                "email", user.getEmail(),
                "link", links.base() + "/password/reset?token=" + secret,
                "validHours", FIRST_PASSWORD_VALIDITY.toHours())));
    }

    @Transactional(readOnly = true)
    public boolean isUsable(String secret) {
        return tokens.findUsable(secret, AccountToken.Purpose.PASSWORD_RESET).isPresent();
    }

    @Transactional
    public void reset(String secret, String newPassword) {
        AccountToken token = tokens.findUsable(secret, AccountToken.Purpose.PASSWORD_RESET)
                .orElseThrow(() -> Refusal.at(null, "password.reset.linkInvalid"));
        User user = users.findById(token.userId()).orElseThrow();
        List<String> violations = passwordPolicy.violations(newPassword, user.getEmail());
        if (!violations.isEmpty()) {
            throw Refusal.allAt("password", violations);
        }
        if (!tokens.useAll(user.getId(), AccountToken.Purpose.PASSWORD_RESET)) {
            throw Refusal.at(null, "password.reset.linkInvalid");
        }
        user.changePasswordHash(passwordEncoder.encode(newPassword));
        if (!user.isEmailVerified()) {
            // the link reached this mailbox: the address is proved (and whoever squatted it is signed out below)
            user.verifyEmail(clock.instant());
        }
        outbox.enqueue(Mail.of(user.getEmail(), user.getLanguage(), "password-changed", Map.of(
                "firstName", user.getFirstName())));
        sessions.signOutEverywhere(user.getEmail(), null);
        // whoever proved they read the account's mail is its owner: no wrong password typed before keeps them out
        throttle.forgetAccount(user.getEmail());
    }
}
