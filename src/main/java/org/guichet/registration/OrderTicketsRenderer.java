package org.guichet.registration;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.guichet.shared.NotFound;
import org.guichet.event.EventService;
import org.guichet.notification.Attachment;
import org.guichet.notification.AttachmentRenderer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ticket PDF of an order, as a mail attachment rendered at delivery: every ticket as it is then, or only some
 * of them (an attendee's own).
 */
@Component
public class OrderTicketsRenderer implements AttachmentRenderer {

    static final String KIND = "order-tickets";
    private static final String ORDER = "order";
    private static final String TICKETS = "tickets";

    private final OrderRepository orders;
    private final EventService events;
    private final TicketPdf ticketPdf;

    OrderTicketsRenderer(OrderRepository orders, EventService events, TicketPdf ticketPdf) {
        this.orders = orders;
        this.events = events;
        this.ticketPdf = ticketPdf;
    }

    /** The recipe of the order's ticket PDF, for a mail about it. */
    public static Attachment attachment(Order order) {
        return Attachment.rendered("tickets-" + order.getReference() + ".pdf", "application/pdf", KIND,
                Map.of(ORDER, String.valueOf(order.getId())));
    }

    /** The recipe of a PDF of only these tickets of the order (an attendee's), for a mail to their holder. */
    public static Attachment attachment(Order order, List<Ticket> tickets) {
        return Attachment.rendered("ticket-" + order.getReference() + ".pdf", "application/pdf", KIND,
                Map.of(ORDER, String.valueOf(order.getId()), TICKETS, tickets.stream()
                        .map(ticket -> String.valueOf(ticket.getId())).collect(Collectors.joining(","))));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] render(Map<String, String> parameters, Locale locale) {
        long orderId = Long.parseLong(parameters.get(ORDER));
        Order order = orders.findWithTickets(orderId).orElseThrow(() -> new NotFound("order", orderId));
        List<Ticket> tickets = order.getTickets();
        String only = parameters.get(TICKETS);
        if (only != null) {
            Set<Long> wanted = Arrays.stream(only.split(",")).map(Long::valueOf).collect(Collectors.toSet());
            tickets = tickets.stream().filter(ticket -> wanted.contains(ticket.getId())).toList();
        }
        return ticketPdf.render(tickets, events.get(order.getEventId()), locale);
    }
}
