package org.guichet.account;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.guichet.limits.RateLimit;
import org.guichet.limits.RateLimiter;
import org.guichet.media.FileStorage;
import org.guichet.media.ImageFormat;
import org.guichet.media.ImageProcessor;
import org.guichet.media.ImageRejected;
import org.guichet.notification.Mail;
import org.guichet.notification.Outbox;
import org.guichet.shared.AbsoluteLinks;
import org.guichet.shared.Refusal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Everything a person does to their own account. */
@Service
public class AccountService {

    static final Duration EMAIL_CHANGE_VALIDITY = Duration.ofHours(24);
    private static final String SELF = "isAuthenticated() and #userId == principal.id()";

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final AccountTokens tokens;
    private final Outbox outbox;
    private final ImageProcessor images;
    private final FileStorage storage;
    private final SessionTerminator sessions;
    private final EmailVerification verification;
    private final RateLimiter limits;
    private final Clock clock;
    private final AbsoluteLinks links;

    AccountService(UserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
            AccountTokens tokens, Outbox outbox, ImageProcessor images, FileStorage storage,
            SessionTerminator sessions, EmailVerification verification, RateLimiter limits, Clock clock,
            AbsoluteLinks links) {
        this.limits = limits;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.tokens = tokens;
        this.outbox = outbox;
        this.images = images;
        this.storage = storage;
        this.sessions = sessions;
        this.verification = verification;
        this.clock = clock;
        this.links = links;
    }

    /**
     * A new, unverified account, mailed a link to prove its address. An address that already has an account gets
     * nothing new: its owner is mailed that someone tried, and the caller answers exactly as for a new address
     * (the password is hashed all the same), so the form never tells which addresses have an account.
     */
    @Transactional
    public Optional<User> signUp(SignupRequest request) {
        String email = EmailAddresses.normalise(request.email());
        checkPassword("password", request.password(), email);
        String passwordHash = passwordEncoder.encode(request.password());
        Optional<User> existing = users.findByEmail(email);
        if (existing.isPresent()) {
            tellOwnerSomeoneTried(existing.get(), "signup");
            return Optional.empty();
        }
        Set<Role> roles = request.organizer() ? EnumSet.of(Role.ORGANIZER) : EnumSet.noneOf(Role.class);
        User user = users.save(new User(email, passwordHash, request.firstName(), request.lastName(),
                request.language(), roles, clock.instant()));
        verification.sendLink(user);
        return Optional.of(user);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(SELF)
    public User find(long userId) {
        return users.findById(userId).orElseThrow();
    }

    @Transactional
    @PreAuthorize(SELF)
    public User updateProfile(long userId, String firstName, String lastName, Locale language) {
        User user = find(userId);
        user.rename(firstName, lastName);
        user.changeLanguage(language);
        return user;
    }

    @Transactional
    @PreAuthorize(SELF)
    public User changeLanguage(long userId, Locale language) {
        User user = find(userId);
        user.changeLanguage(language);
        return user;
    }

    @Transactional
    @PreAuthorize(SELF)
    public User changePassword(long userId, String currentPassword, String newPassword, String keptSessionId) {
        User user = find(userId);
        requireCurrentPassword(user, currentPassword);
        checkPassword("newPassword", newPassword, user.getEmail());
        user.changePasswordHash(passwordEncoder.encode(newPassword));
        sessions.signOutEverywhere(user.getEmail(), keptSessionId);
        return user;
    }

    @Transactional
    @PreAuthorize(SELF)
    public User changePhoto(long userId, byte[] upload) throws ImageRejected {
        User user = find(userId);
        byte[] avatar = images.process(upload, ImageFormat.AVATAR);
        String previous = user.getPhotoKey();
        user.changePhoto(storage.storeJpeg("avatars", avatar));
        if (previous != null) {
            storage.delete(previous);
        }
        return user;
    }

    @Transactional
    @PreAuthorize(SELF)
    public User removePhoto(long userId) {
        User user = find(userId);
        String previous = user.getPhotoKey();
        user.changePhoto(null);
        if (previous != null) {
            storage.delete(previous);
        }
        return user;
    }

    /** Sends a confirmation link to the new address; the account keeps the old one until it is followed. */
    @Transactional
    @PreAuthorize(SELF)
    public void requestEmailChange(long userId, String newEmail, String currentPassword) {
        User user = find(userId);
        requireCurrentPassword(user, currentPassword);
        String email = EmailAddresses.normalise(newEmail);
        if (email.equals(user.getEmail())) {
            throw Refusal.at("newEmail", "account.email.unchanged");
        }
        Optional<User> owner = users.findByEmail(email);
        if (owner.isPresent()) {
            // answered as for a free address; the owner of this one is told instead
            tellOwnerSomeoneTried(owner.get(), "email-change");
            return;
        }
        String secret = tokens.issue(user.getId(), AccountToken.Purpose.EMAIL_CHANGE, email, EMAIL_CHANGE_VALIDITY);
        outbox.enqueue(Mail.of(email, user.getLanguage(), "email-change", Map.of(
                "firstName", user.getFirstName(),
                "newEmail", email,
                "link", links.base() + "/account/email/confirm?token=" + secret,
                "validHours", EMAIL_CHANGE_VALIDITY.toHours())));
    }

    /** Follows a confirmation link: the address changes, the old one is told, other sessions end. */
    @Transactional
    public User confirmEmailChange(String secret, String keptSessionId) {
        AccountToken token = tokens.findUsable(secret, AccountToken.Purpose.EMAIL_CHANGE)
                .orElseThrow(() -> Refusal.at(null, "account.email.linkInvalid"));
        if (users.existsByEmail(token.newEmail())) {
            throw Refusal.at(null, "account.email.taken");
        }
        User user = users.findById(token.userId()).orElseThrow();
        String oldEmail = user.getEmail();
        if (!tokens.useAll(user.getId(), AccountToken.Purpose.EMAIL_CHANGE)) {
            throw Refusal.at(null, "account.email.linkInvalid");
        }
        user.changeEmail(token.newEmail(), clock.instant());
        users.flush();
        outbox.enqueue(Mail.of(oldEmail, user.getLanguage(), "email-changed", Map.of(
                "firstName", user.getFirstName(),
                "newEmail", user.getEmail())));
        sessions.signOutEverywhere(oldEmail, keptSessionId);
        return user;
    }

    /** At most a few a day: whoever keeps trying cannot flood the owner's inbox through Guichet. */
    private void tellOwnerSomeoneTried(User owner, String attempt) {
        if (!limits.tryTake(RateLimit.ADDRESS_IN_USE_MAIL, RateLimit.Scope.ACCOUNT, owner.getId())) {
            return;
        }
        outbox.enqueue(Mail.of(owner.getEmail(), owner.getLanguage(), "address-in-use", Map.of(
                "firstName", owner.getFirstName(),
                "email", owner.getEmail(),
                "attempt", attempt,
                "link", links.base() + "/password/forgot")));
    }

    private void requireCurrentPassword(User user, String currentPassword) {
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throw Refusal.at("currentPassword", "account.password.currentWrong");
        }
    }

    private void checkPassword(String field, String password, String email) {
        List<String> violations = passwordPolicy.violations(password, email);
        if (!violations.isEmpty()) {
            throw Refusal.allAt(field, violations);
        }
    }
}
