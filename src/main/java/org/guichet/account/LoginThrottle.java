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
 * Counts failed sign-ins per account and per client address, whether or not the account exists, so the answer
 * never tells which addresses are registered. Kept in the database: it holds across restarts and instances.
 */
@Service
public class LoginThrottle {

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
        return transactions.execute(status -> entries.findByThrottleKeyIn(List.of(accountKey(email), addressKey(address)))
                .stream()
                .map(LoginThrottleEntry::lockedUntil)
                .filter(until -> until != null && until.isAfter(now))
                .max(Instant::compareTo)
                .map(until -> Duration.between(now, until)));
    }

    public void recordFailure(String email, String address) {
        recordFailure(accountKey(email), LoginThrottlePolicy.PER_ACCOUNT);
        recordFailure(addressKey(address), LoginThrottlePolicy.PER_ADDRESS);
    }

    public void recordSuccess(String email) {
        transactions.executeWithoutResult(status -> entries.deleteById(accountKey(email)));
    }

    /** Forgets an account's failures, when the account itself is deleted. */
    void forget(String email) {
        transactions.executeWithoutResult(status -> entries.deleteById(accountKey(email)));
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

    private static String accountKey(String email) {
        String normal = EmailAddresses.normalise(email == null ? "" : email);
        return "account:" + normal.substring(0, Math.min(normal.length(), 254));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }
}
