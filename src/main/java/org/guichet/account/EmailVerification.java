package org.guichet.account;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.guichet.notification.Mail;
import org.guichet.notification.Outbox;
import org.guichet.shared.AbsoluteLinks;
import org.guichet.shared.Refusal;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proving an address: sign-up mails a single-use link, following it verifies the account. Until then the account
 * may browse and edit its profile, nothing more ({@code SecurityConfig} decides that from the principal).
 */
@Service
@EnableConfigurationProperties(VerificationSettings.class)
public class EmailVerification {

    private static final String SELF = "isAuthenticated() and #userId == principal.id()";

    private final UserRepository users;
    private final AccountTokens tokens;
    private final Outbox outbox;
    private final VerificationSettings settings;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final AbsoluteLinks links;

    EmailVerification(UserRepository users, AccountTokens tokens, Outbox outbox, VerificationSettings settings,
            PasswordEncoder passwordEncoder, Clock clock, AbsoluteLinks links) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.links = links;
    }

    /** Mails a new link to the account's address; links sent before keep working until they expire. */
    void sendLink(User user) {
        String secret = tokens.issue(user.getId(), AccountToken.Purpose.EMAIL_VERIFICATION, user.getEmail(),
                settings.linkValidity());
        outbox.enqueue(Mail.of(user.getEmail(), user.getLanguage(), "email-verification", Map.of(
                "firstName", user.getFirstName(),
                "email", user.getEmail(),
                "link", links.base() + "/account/verify?token=" + secret,
                "validHours", settings.linkValidity().toHours(),
                "lifetimeDays", settings.unverifiedLifetime().toDays())));
    }

    /** Sends the link again; false (and nothing sent) when the address is verified already. */
    @Transactional
    @PreAuthorize(SELF)
    public boolean resend(long userId) {
        User user = users.findById(userId).orElseThrow();
        if (user.isEmailVerified()) {
            return false;
        }
        sendLink(user);
        return true;
    }

    /** The account a link would verify, without using it: refused when the link is unknown, used or expired. */
    @Transactional(readOnly = true)
    public User accountOf(String secret) {
        return users.findById(usableToken(secret).userId()).orElseThrow();
    }

    /**
     * Follows a link in the browser that signed up or signed in as its account: the address it was sent to is the
     * account's, and it is now proved.
     */
    @Transactional
    public User verify(String secret) {
        return verify(usableToken(secret));
    }

    /**
     * Follows a link anywhere else: the one who reads the mail must also know the account's password, so that
     * whoever signed up with somebody else's address cannot have the owner confirm it for them.
     */
    @Transactional
    public User verifyWithPassword(String secret, String password) {
        AccountToken token = usableToken(secret);
        User user = users.findById(token.userId()).orElseThrow(() -> new Refusal("account.verify.linkInvalid"));
        if (password == null || !passwordEncoder.matches(password, user.getPasswordHash())) {
            throw Refusal.at("password", "account.verify.passwordWrong");
        }
        return verify(token);
    }

    private AccountToken usableToken(String secret) {
        AccountToken token = tokens.find(secret, AccountToken.Purpose.EMAIL_VERIFICATION)
                .orElseThrow(() -> new Refusal("account.verify.linkInvalid"));
        if (token.isUsed()) {
            throw new Refusal("account.verify.linkUsed");
        }
        if (!token.isUsable(clock.instant())) {
            throw new Refusal("account.verify.linkExpired");
        }
        return token;
    }

    private User verify(AccountToken token) {
        User user = users.findById(token.userId()).orElseThrow(() -> new Refusal("account.verify.linkInvalid"));
        if (!user.getEmail().equals(token.newEmail())) {
            // sent to an address the account no longer has
            throw new Refusal("account.verify.linkInvalid");
        }
        if (!tokens.useAll(user.getId(), AccountToken.Purpose.EMAIL_VERIFICATION)) {
            throw new Refusal("account.verify.linkUsed");
        }
        if (!user.isEmailVerified()) {
            user.verifyEmail(clock.instant());
        }
        return user;
    }

    /** The account, if it has been verified since this principal was made (in another browser, say). */
    @Transactional(readOnly = true)
    public Optional<User> verifiedSince(AccountPrincipal principal) {
        if (principal.isVerified()) {
            return Optional.empty();
        }
        return users.findById(principal.id()).filter(User::isEmailVerified);
    }
}
