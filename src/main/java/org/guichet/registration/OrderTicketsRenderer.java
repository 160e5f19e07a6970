package org.guichet.registration;

import java.util.Locale;
import java.util.Map;

import org.guichet.shared.NotFound;
import org.guichet.event.EventService;
import org.guichet.notification.Attachment;
import org.guichet.notification.AttachmentRenderer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The ticket PDF of an order, as a mail attachment rendered at delivery: every ticket as it is then. */
@Component
public class OrderTicketsRenderer implements AttachmentRenderer {

    static final String KIND = "order-tickets";
    private static final String ORDER = "order";

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

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] render(Map<String, String> parameters, Locale locale) {
        long orderId = Long.parseLong(parameters.get(ORDER));
        Order order = orders.findWithTickets(orderId).orElseThrow(() -> new NotFound("order", orderId));
        return ticketPdf.render(order.getTickets(), events.get(order.getEventId()), locale);
    }
}
