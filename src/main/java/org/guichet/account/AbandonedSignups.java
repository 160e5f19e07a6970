package org.guichet.account;

import java.time.Clock;
import java.time.Instant;

import org.guichet.media.FileStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes accounts that never proved their address within {@code guichet.verification.unverified-lifetime} (7
 * days), with what belongs to them: tokens and roles (by cascade), sessions, "remember me" tokens, sign-in
 * throttle entries and the photo file. Such an account cannot have orders or events; if anything refers to one
 * all the same, the database refuses and the account is kept (and logged).
 */
@Component
class AbandonedSignups implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AbandonedSignups.class);

    private final UserRepository users;
    private final SessionTerminator sessions;
    private final LoginThrottle throttle;
    private final FileStorage storage;
    private final TransactionTemplate transactions;
    private final VerificationSettings settings;
    private final Clock clock;

    AbandonedSignups(UserRepository users, SessionTerminator sessions, LoginThrottle throttle, FileStorage storage,
            TransactionTemplate transactions, VerificationSettings settings, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.storage = storage;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::logged, settings.cleanupInterval(),
                settings.cleanupInterval()));
    }

    private void logged() {
        int deleted = deleteAbandoned();
        if (deleted > 0) {
            log.info("{} accounts deleted: their address was never verified", deleted);
        }
    }

    /** Each account in its own transaction, so one that cannot go does not keep the others. */
    int deleteAbandoned() {
        Instant cutoff = clock.instant().minus(settings.unverifiedLifetime());
        int deleted = 0;
        for (long id : users.findUnverifiedCreatedBefore(cutoff)) {
            try {
                if (delete(id, cutoff)) {
                    deleted++;
                }
            } catch (DataIntegrityViolationException referenced) {
                log.warn("Unverified account {} kept: other records refer to it", id);
            } catch (ObjectOptimisticLockingFailureException changedMeanwhile) {
                log.info("Unverified account {} kept: it changed while being deleted", id);
            }
        }
        return deleted;
    }

    private boolean delete(long id, Instant cutoff) {
        User user = transactions.execute(status -> {
            User found = users.findById(id).orElse(null);
            if (found == null || !found.isUnverifiedSince(cutoff)) {
                return null;
            }
            users.delete(found);
            users.flush();
            return found;
        });
        if (user == null) {
            return false;
        }
        sessions.signOutEverywhere(user.getEmail(), null);
        throttle.forgetAccount(user.getEmail());
        if (user.getPhotoKey() != null) {
            storage.delete(user.getPhotoKey());
        }
        return true;
    }
}
