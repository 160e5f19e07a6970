package org.guichet.registration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Who holds valid tickets of an event, each buyer with their tickets: whom reminders and change notices reach. */
@Component
class TicketHolders {

    /** A buyer and their valid tickets of one event. */
    record Holder(User buyer, List<Ticket> tickets) {
    }

    private final TicketRepository tickets;
    private final UserRepository users;

    TicketHolders(TicketRepository tickets, UserRepository users) {
        this.tickets = tickets;
        this.users = users;
    }

    @Transactional(readOnly = true)
    List<Holder> of(long eventId) {
        Map<Long, List<Ticket>> byBuyer = new LinkedHashMap<>();
        for (Ticket ticket : tickets.findValidOfEvent(eventId)) {
            byBuyer.computeIfAbsent(ticket.getOrder().getUserId(), buyer -> new ArrayList<>()).add(ticket);
        }
        List<Holder> holders = new ArrayList<>();
        for (User buyer : users.findAllById(byBuyer.keySet())) {
            holders.add(new Holder(buyer, byBuyer.get(buyer.getId())));
        }
        return holders;
    }
}
