package org.guichet.notification;

import java.time.Clock;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The sender's view of failing addresses: is one failing, it was refused (again), a mail got through. */
@Component
class FailingAddresses {

    private final FailingAddressRepository addresses;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FailingAddresses(FailingAddressRepository addresses, TransactionTemplate transactions, Clock clock) {
        this.addresses = addresses;
        this.transactions = transactions;
        this.clock = clock;
    }

    Optional<FailingAddress> find(String address) {
        return addresses.findByAddress(FailingAddress.normal(address));
    }

    /** Records a permanent refusal: a new failing address, or one more failure of a known one. */
    void refused(String address, String reply) {
        try {
            transactions.executeWithoutResult(status -> record(address, reply));
        } catch (DataIntegrityViolationException recordedMeanwhile) {
            // another sender, refused for the same address, inserted it between our update and our insert
            transactions.executeWithoutResult(status -> record(address, reply));
        }
    }

    /** A mail got through: the address works again. */
    void delivered(String address) {
        transactions.executeWithoutResult(status -> addresses.deleteByAddress(FailingAddress.normal(address)));
    }

    private void record(String address, String reply) {
        String known = FailingAddress.normal(address);
        if (addresses.failedAgain(known, FailingAddress.reasonOf(reply), clock.instant()) == 0) {
            addresses.save(new FailingAddress(address, reply, clock.instant()));
        }
    }
}
