package org.guichet.registration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds valid tickets of an event, one per address (compared without regard to case): each buyer with the
 * tickets of their orders, and each attendee a buyer gave a ticket to at an address of their own. Whom reminders
 * and change notices reach.
 */
@Component
class TicketHolders {

    /**
     * One address holding valid tickets of an event. {@code bought}: the tickets of this buyer's orders, which their
     * "My tickets" page shows (empty for an attendee, who has no such page for them); {@code given}: tickets of
     * someone else's orders made out to this address, which came by mail. In the buyer's language, else that of the
     * latest order that gave them a ticket; {@code name} is how the mail greets them (the buyer's first name, else
     * the name on their first ticket).
     */
    record Holder(String email, Locale language, String name, List<Ticket> bought, List<Ticket> given) {

        /** A buyer of the event's tickets, who finds them on their "My tickets" page. */
        boolean isBuyer() {
            return !bought.isEmpty();
        }

        /** All their tickets: bought ones first, then the ones made out to them. */
        List<Ticket> tickets() {
            return Stream.concat(bought.stream(), given.stream()).toList();
        }

        /** The tickets made out to them, by order (in ticket order): each order's go in one PDF. */
        List<List<Ticket>> givenByOrder() {
            Map<Long, List<Ticket>> byOrder = new LinkedHashMap<>();
            given.forEach(ticket -> byOrder.computeIfAbsent(ticket.getOrder().getId(), order -> new ArrayList<>())
                    .add(ticket));
            return List.copyOf(byOrder.values());
        }
    }

    private final TicketRepository tickets;
    private final UserRepository users;

    TicketHolders(TicketRepository tickets, UserRepository users) {
        this.tickets = tickets;
        this.users = users;
    }

    /** Buyers first, then attendees with an address no buyer has, in the order of their first ticket. */
    @Transactional(readOnly = true)
    List<Holder> of(long eventId) {
        List<Ticket> valid = tickets.findValidOfEvent(eventId);
        Map<Long, List<Ticket>> byBuyer = new LinkedHashMap<>();
        for (Ticket ticket : valid) {
            byBuyer.computeIfAbsent(ticket.getOrder().getUserId(), buyer -> new ArrayList<>()).add(ticket);
        }
        Map<Long, User> buyers = new LinkedHashMap<>();
        users.findAllById(byBuyer.keySet()).forEach(buyer -> buyers.put(buyer.getId(), buyer));

        Map<String, Draft> byAddress = new LinkedHashMap<>();
        byBuyer.forEach((buyerId, theirs) -> {
            User buyer = buyers.get(buyerId);
            if (buyer != null) {
                byAddress.computeIfAbsent(key(buyer.getEmail()), address -> new Draft(buyer.getEmail(),
                        buyer.getLanguage(), buyer.getFirstName())).bought.addAll(theirs);
            }
        });
        for (Ticket ticket : valid) {
            User buyer = buyers.get(ticket.getOrder().getUserId());
            if (ticket.hasOwnAddress(buyer == null ? null : buyer.getEmail())) {
                byAddress.computeIfAbsent(key(ticket.getAttendeeEmail()), address -> new Draft(
                        ticket.getAttendeeEmail(), null, ticket.getAttendeeName())).give(ticket);
            }
        }
        return byAddress.values().stream().map(Draft::holder).toList();
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** A holder while their tickets are gathered. */
    private static final class Draft {

        private final String email;
        private final String name;
        private final List<Ticket> bought = new ArrayList<>();
        private final List<Ticket> given = new ArrayList<>();
        private Locale language;
        private long languageOrder = Long.MIN_VALUE;

        Draft(String email, Locale language, String name) {
            this.email = email;
            this.language = language;
            this.name = name;
        }

        /** A ticket made out to them; an attendee's language is that of their latest order. */
        void give(Ticket ticket) {
            given.add(ticket);
            Order order = ticket.getOrder();
            if (bought.isEmpty() && order.getId() > languageOrder) {
                language = order.getLanguage();
                languageOrder = order.getId();
            }
        }

        Holder holder() {
            return new Holder(email, language, name, List.copyOf(bought), List.copyOf(given));
        }
    }
}
