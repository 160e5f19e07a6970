package org.guichet.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.notification.Mail;
import org.guichet.notification.Outbox;
import org.guichet.shared.AbsoluteLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

/**
 * The queue of a sold-out event. A freed seat is not put back on sale while someone waits: it stays taken and is
 * offered to the first person waiting, for a while; the offer moves on by guarded updates, so a seat goes to
 * exactly one person. Runs inside its callers' transactions.
 */
@Component
class WaitingList {

    private static final int CANDIDATES = 20;

    private final WaitingListRepository entries;
    private final UserRepository users;
    private final EventService events;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration offerDuration;
    private final AbsoluteLinks links;

    WaitingList(WaitingListRepository entries, UserRepository users, EventService events, Outbox outbox, Clock clock,
            @Value("${guichet.waitlist.offer-duration:24h}") Duration offerDuration,
            AbsoluteLinks links) {
        this.entries = entries;
        this.users = users;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
        this.offerDuration = offerDuration;
        this.links = links;
    }

    /** Offers a freed seat of this type to the first person still waiting; false when nobody is. */
    boolean handOver(long eventId, long typeId) {
        Instant now = clock.instant();
        List<Long> queue = entries.findQueue(eventId, typeId, Limit.of(CANDIDATES));
        for (Long candidate : queue) {
            if (entries.offer(candidate, typeId, now, now.plus(offerDuration)) == 1) {
                tell(entries.findById(candidate).orElseThrow());
                return true;
            }
        }
        return false;
    }

    private void tell(WaitingListEntry entry) {
        User user = users.findById(entry.getUserId()).orElseThrow();
        Event event = events.get(entry.getEventId());
        String until = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(user.getLanguage()).format(entry.getOfferExpiresAt().atZone(event.getZone()));
        outbox.enqueue(new Mail(user.getEmail(), user.getLanguage(), "waitlist-offer", Map.of(
                "firstName", user.getFirstName(),
                "eventTitle", event.getTitle(),
                "until", until,
                "link", links.base() + "/events/" + event.getId()), List.of(event.getTitle()))
                .sentFor(OrderMails.organizer(event)));
    }
}
