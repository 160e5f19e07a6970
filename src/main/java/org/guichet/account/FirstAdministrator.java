package org.guichet.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At every start, makes sure the administrator named in the configuration ({@code guichet.admin.email}) exists:
 * a new account gets a link to choose its password by mail (through the outbox); an existing account that is not
 * an administrator becomes one. Idempotent across restarts, and two instances starting together make one account
 * (the address is unique). Runs after the demo seeding, which only writes into an empty database.
 */
@Component
@EnableConfigurationProperties(AdministratorSettings.class)
class FirstAdministrator {

    /** What a start found and did. */
    enum Outcome { CREATED, PROMOTED, ALREADY_ADMINISTRATOR, MADE_ELSEWHERE, NONE_CONFIGURED }

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final int UNUSABLE_PASSWORD_BYTES = 32;

    private final AdministratorSettings settings;
    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordResetService passwords;
    private final SessionTerminator sessions;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    FirstAdministrator(AdministratorSettings settings, UserRepository users, PasswordEncoder passwordEncoder,
            PasswordResetService passwords, SessionTerminator sessions, PlatformTransactionManager transactionManager,
            Clock clock) {
        this.sessions = sessions;
        this.settings = settings;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.passwords = passwords;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void onStart() {
        if (settings.isConfigured()) {
            appoint(settings.email());
        } else if (!users.existsByRolesContaining(Role.ADMIN)) {
            log.warn("No administrator is configured and none exists: set GUICHET_ADMIN_EMAIL (guichet.admin.email)"
                    + " and restart to receive a link to choose the administrator's password");
        }
    }

    Outcome appoint(String configuredEmail) {
        String email = EmailAddresses.normalise(configuredEmail);
        try {
            return transactions.execute(status -> appointIn(email));
        } catch (DataIntegrityViolationException madeElsewhere) {
            log.info("Administrator {} was created by another instance starting at the same time", email);
            return Outcome.MADE_ELSEWHERE;
        }
    }

    private Outcome appointIn(String email) {
        User existing = users.findByEmail(email).orElse(null);
        if (existing == null) {
            User administrator = users.saveAndFlush(User.administrator(email, unusablePasswordHash(),
                    clock.instant()));
            passwords.sendFirstPasswordLink(administrator);
            log.info("Administrator {} created: a link to choose the password has been sent to this address", email);
            return Outcome.CREATED;
        }
        if (!existing.isEmailVerified()) {
            // Nobody proved this address: whoever opened the account keeps neither its password nor its sessions;
            // the administrator chooses a password through the link mailed to the address, as a new one would.
            existing.changePasswordHash(unusablePasswordHash());
            existing.promoteToAdministrator(clock.instant());
            sessions.signOutEverywhere(email, null);
            passwords.sendFirstPasswordLink(existing);
            log.warn("Account {} (GUICHET_ADMIN_EMAIL) existed without a confirmed address: it is now an"
                    + " administrator whose password is chosen through the link sent to this address", email);
            return Outcome.PROMOTED;
        }
        if (existing.promoteToAdministrator(clock.instant())) {
            log.warn("Account {} (GUICHET_ADMIN_EMAIL) existed without the administrator role: it is now an"
                    + " administrator; it signs in again to use it", email);
            return Outcome.PROMOTED;
        }
        return Outcome.ALREADY_ADMINISTRATOR;
    }

    /** A random password nobody ever sees: the account is reached through the mailed link only. */
    private String unusablePasswordHash() {
        byte[] secret = new byte[UNUSABLE_PASSWORD_BYTES];
        random.nextBytes(secret);
        return passwordEncoder.encode(Base64.getEncoder().encodeToString(secret));
    }
}
