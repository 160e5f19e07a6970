package org.guichet.registration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Releases the seats of unpaid orders whose hold has run out, every 30 seconds by default. */
@Component
class HoldExpiry {

    private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);

    private final OrderLifecycle registrations;

    HoldExpiry(OrderLifecycle registrations) {
        this.registrations = registrations;
    }

    @Scheduled(fixedDelayString = "${guichet.payments.hold-check-interval:30s}",
            initialDelayString = "${guichet.payments.hold-check-interval:30s}")
    void releaseExpiredHolds() {
        int expired = registrations.expireHolds();
        if (expired > 0) {
            log.info("{} unpaid orders expired; their seats are back on sale", expired);
        }
    }
}
