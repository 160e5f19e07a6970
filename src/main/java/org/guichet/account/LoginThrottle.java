package org.guichet.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed sign-ins per account from one client address, per account and per client address, whether or not
 * the account exists, so the answer never tells which addresses are registered (see {@link LoginThrottlePolicy}
 * for how long each waits). Kept in the database: it holds across restarts and instances.
 */
@Service
public class LoginThrottle {

    private static final int LONGEST_EMAIL = 240;
    private static final int LONGEST_ADDRESS = 54;

    private final LoginThrottleRepository entries;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LoginThrottle(LoginThrottleRepository entries, TransactionTemplate transactions, Clock clock) {
        this.entries = entries;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** How long this sign-in must wait, if it must. */
    public Optional<Duration> waitBeforeAttempt(String email, String address) {
        Instant now = clock.instant();
        return transactions.execute(status -> entries.findByThrottleKeyIn(
                        List.of(pairKey(email, address), accountKey(email), addressKey(address)))
                .stream()
                .map(LoginThrottleEntry::lockedUntil)
                .filter(until -> until != null && until.isAfter(now))
                .max(Instant::compareTo)
                .map(until -> Duration.between(now, until)));
    }

    public void recordFailure(String email, String address) {
        recordFailure(pairKey(email, address), LoginThrottlePolicy.PER_ACCOUNT_AND_ADDRESS);
        recordFailure(accountKey(email), LoginThrottlePolicy.PER_ACCOUNT);
        recordFailure(addressKey(address), LoginThrottlePolicy.PER_ADDRESS);
    }

    /** The owner is in: the account's failures from there, and over all addresses, are forgotten. */
    public void recordSuccess(String email, String address) {
        transactions.executeWithoutResult(status -> entries.deleteAllByIdInBatch(
                List.of(pairKey(email, address), accountKey(email))));
    }

    /**
     * After a password reset, or when the account is deleted: every failure counted against the account, from any
     * address, is forgotten.
     */
    void forgetAccount(String email) {
        transactions.executeWithoutResult(status -> {
            entries.deleteByThrottleKeyStartingWith(pairPrefix(email));
            entries.deleteAllByIdInBatch(List.of(accountKey(email)));
        });
    }

    private void recordFailure(String key, LoginThrottlePolicy policy) {
        try {
            updateOrCreate(key, policy);
        } catch (DataIntegrityViolationException concurrentFirstFailure) {
            updateOrCreate(key, policy);
        }
    }

    private void updateOrCreate(String key, LoginThrottlePolicy policy) {
        transactions.executeWithoutResult(status -> {
            LoginThrottleEntry entry = entries.findForUpdate(key).orElseGet(() -> new LoginThrottleEntry(key));
            entry.recordFailure(clock.instant(), policy);
            entries.saveAndFlush(entry);
        });
    }

    private static String normalEmail(String email) {
        String normal = EmailAddresses.normalise(email == null ? "" : email);
        return normal.substring(0, Math.min(normal.length(), LONGEST_EMAIL));
    }

    private static String normalAddress(String address) {
        String known = address == null ? "unknown" : address;
        return known.substring(0, Math.min(known.length(), LONGEST_ADDRESS));
    }

    /** An address never holds '|' and an email's domain never does: one account's prefix matches only its own. */
    private static String pairPrefix(String email) {
        return "pair:" + normalEmail(email) + "|";
    }

    private static String pairKey(String email, String address) {
        return pairPrefix(email) + normalAddress(address);
    }

    private static String accountKey(String email) {
        return "account:" + normalEmail(email);
    }

    private static String addressKey(String address) {
        return "address:" + normalAddress(address);
    }
}
