package org.guichet.registration;

import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.event.EventWhenOrWhereChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Within the change of a published event's time, place or online link: each address holding valid tickets (each
 * buyer, and each attendee a ticket was made out to at an address of their own) is told, once, what changed, old
 * and new side by side, with the updated calendar file. The mails commit with the change or not at all; smaller
 * edits (description, picture, title, price) publish nothing and send nothing.
 */
@Component
class EventChangeNotice {

    private final EventService events;
    private final TicketHolders holders;
    private final HolderMails mails;

    EventChangeNotice(EventService events, TicketHolders holders, HolderMails mails) {
        this.events = events;
        this.holders = holders;
        this.mails = mails;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(EventWhenOrWhereChanged changed) {
        Event event = events.get(changed.eventId());
        for (TicketHolders.Holder holder : holders.of(changed.eventId())) {
            mails.changed(event, holder, changed.before(), changed.after());
        }
    }
}
