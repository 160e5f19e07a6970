package org.guichet.registration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Moves unclaimed waiting-list offers on, every minute by default. */
@Component
class WaitingListExpiry {

    private static final Logger log = LoggerFactory.getLogger(WaitingListExpiry.class);

    private final OrderLifecycle registrations;

    WaitingListExpiry(OrderLifecycle registrations) {
        this.registrations = registrations;
    }

    @Scheduled(fixedDelayString = "${guichet.waitlist.check-interval:1m}", initialDelayString = "${guichet.waitlist.check-interval:1m}")
    void expireOffers() {
        int expired = registrations.expireOffers();
        if (expired > 0) {
            log.info("{} waiting-list offers expired and moved on", expired);
        }
    }
}
