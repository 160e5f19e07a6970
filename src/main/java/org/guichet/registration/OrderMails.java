package org.guichet.registration;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.guichet.event.Event;
import org.guichet.event.EventFormat;
import org.guichet.event.Money;
import org.guichet.notification.Mail;
import org.guichet.notification.Outbox;
import org.guichet.shared.AbsoluteLinks;
import org.springframework.stereotype.Component;

/**
 * The mails an order's buyer, and the attendees with an address of their own, get from registration, written into
 * the outbox in the changing transaction, in the order's language, sent in the name of the event's organizer; their
 * PDFs and calendar files are rendered when they are sent, not while the order's seats are held.
 */
@Component
class OrderMails {

    private final Outbox outbox;
    private final EventFormat format;
    private final AbsoluteLinks links;

    OrderMails(Outbox outbox, EventFormat format, AbsoluteLinks links) {
        this.outbox = outbox;
        this.format = format;
        this.links = links;
    }

    /** A free registration is confirmed: its tickets and the event's calendar file come with it. */
    void registered(String email, String firstName, Event event, Order order) {
        outbox.enqueue(new Mail(email, order.getLanguage(), "registration-confirmed", Map.of(
                "firstName", firstName,
                "eventTitle", event.getTitle(),
                "reference", order.getReference(),
                "ticketCount", order.getTickets().size(),
                "link", links.base() + "/tickets"), List.of(event.getTitle()), List.of(
                OrderTicketsRenderer.attachment(order),
                EventCalendarRenderer.attachment(event, links.base() + "/tickets"))).sentFor(organizer(event)));
    }

    /**
     * A confirmed order's attendees with an address other than the buyer's: one mail per address, with only the
     * tickets that are theirs (valid ones).
     */
    void attendeeTickets(String buyerEmail, String buyerName, Event event, Order order) {
        byAttendee(order, buyerEmail, true).values()
                .forEach(tickets -> ticketToAttendee(buyerName, event, order, tickets));
    }

    /** These tickets of the order, all for one attendee with their own address, go to that address. */
    void ticketToAttendee(String buyerName, Event event, Order order, List<Ticket> tickets) {
        Ticket first = tickets.get(0);
        outbox.enqueue(new Mail(first.getAttendeeEmail(), order.getLanguage(), "attendee-tickets", Map.of(
                "attendeeName", first.getAttendeeName(),
                "buyerName", buyerName,
                "eventTitle", event.getTitle(),
                "when", format.span(event, order.getLanguage()),
                "reference", order.getReference(),
                "ticketCount", tickets.size()), List.of(event.getTitle()), List.of(
                OrderTicketsRenderer.attachment(order, tickets))).sentFor(organizer(event)));
    }

    /** The buyer cancelled a free registration: what was cancelled, for their records. */
    void cancelled(String email, String firstName, Event event, Order order) {
        outbox.enqueue(new Mail(email, order.getLanguage(), "order-cancelled", Map.of(
                "firstName", firstName,
                "eventTitle", event.getTitle(),
                "when", format.span(event, order.getLanguage()),
                "reference", order.getReference(),
                "ticketCount", order.getTickets().size(),
                "tickets", lines(order.getTickets())), List.of(event.getTitle())).sentFor(organizer(event)));
    }

    /**
     * The attendees who had their own tickets by mail are told those tickets no longer get anyone in: the event was
     * cancelled, or ({@code eventCancelled} false) the buyer cancelled the registration.
     */
    void attendeesCancelled(String buyerEmail, String buyerName, Event event, Order order, boolean eventCancelled) {
        byAttendee(order, buyerEmail, false).values().forEach(tickets -> {
            Ticket first = tickets.get(0);
            outbox.enqueue(new Mail(first.getAttendeeEmail(), order.getLanguage(), "attendee-cancelled", Map.of(
                    "attendeeName", first.getAttendeeName(),
                    "buyerName", buyerName,
                    "eventTitle", event.getTitle(),
                    "when", format.span(event, order.getLanguage()),
                    "reference", order.getReference(),
                    "ticketCount", tickets.size(),
                    "eventCancelled", eventCancelled), List.of(event.getTitle())).sentFor(organizer(event)));
        });
    }

    /** The buyer cancelled a paid order: its whole amount is on its way back. */
    void refunded(String email, String firstName, Event event, Order order) {
        outbox.enqueue(new Mail(email, order.getLanguage(), "order-refunded", Map.of(
                "firstName", firstName,
                "eventTitle", event.getTitle(),
                "reference", order.getReference(),
                "amount", Money.format(order.getTotal(), order.getCurrency(), order.getLanguage())),
                List.of(event.getTitle())).sentFor(organizer(event)));
    }

    /**
     * The event was cancelled: the order is closed; {@code refunded}, its whole amount goes back; free, it is
     * simply cancelled; otherwise it was still waiting for its payment and nothing was taken.
     */
    void eventCancelled(String email, String firstName, Locale language, Event event, Order order, boolean refunded) {
        Map<String, Object> variables = new HashMap<>(Map.of(
                "firstName", firstName,
                "eventTitle", event.getTitle(),
                "when", format.span(event, language),
                "reference", order.getReference(),
                "refunded", refunded,
                "free", order.isFree(),
                "tickets", lines(order.getTickets())));
        if (refunded) {
            variables.put("amount", Money.format(order.getTotal(), order.getCurrency(), language));
        }
        // the calendar file says the event is cancelled, so calendars that imported it drop it
        outbox.enqueue(new Mail(email, language, "event-cancelled", variables, List.of(event.getTitle()),
                List.of(EventCalendarRenderer.attachment(event, links.base() + "/tickets"))).sentFor(organizer(event)));
    }

    /** The buyer asked for the order's tickets again. */
    void resent(String email, String firstName, Event event, Order order) {
        outbox.enqueue(new Mail(email, order.getLanguage(), "tickets-resent", Map.of(
                "firstName", firstName,
                "eventTitle", event.getTitle(),
                "when", format.span(event, order.getLanguage()),
                "reference", order.getReference(),
                "link", links.base() + "/tickets"), List.of(event.getTitle()), List.of(
                OrderTicketsRenderer.attachment(order))).sentFor(organizer(event)));
    }

    /** The order's tickets that go to someone else's address, by address (in ticket order); valid ones only if asked. */
    private static Map<String, List<Ticket>> byAttendee(Order order, String buyerEmail, boolean validOnly) {
        return order.getTickets().stream()
                .filter(ticket -> ticket.hasOwnAddress(buyerEmail) && (!validOnly || ticket.isValid()))
                .collect(Collectors.groupingBy(Ticket::getAttendeeEmail, LinkedHashMap::new, Collectors.toList()));
    }

    /**
     * Whose name the mails about an event go out in: its organizer's (loaded with the event by {@code EventService},
     * so no query per mail).
     */
    static String organizer(Event event) {
        return event.getOrganizer().getFullName();
    }

    /** "Standard · Ada Lovelace", one line per ticket. */
    private static List<String> lines(List<Ticket> tickets) {
        return tickets.stream().map(ticket -> ticket.getType().getName() + " · " + ticket.getAttendeeName()).toList();
    }
}
