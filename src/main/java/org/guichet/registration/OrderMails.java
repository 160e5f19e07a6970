package org.guichet.registration;

import java.util.List;
import java.util.Map;

import org.guichet.event.Event;
import org.guichet.event.Money;
import org.guichet.notification.Mail;
import org.guichet.notification.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The mails an order's buyer gets from registration, written into the outbox in the changing transaction; their
 * PDFs and calendar files are rendered when they are sent, not while the order's seats are held.
 */
@Component
class OrderMails {

    private final Outbox outbox;
    private final String baseUrl;

    OrderMails(Outbox outbox, @Value("${guichet.base-url}") String baseUrl) {
        this.outbox = outbox;
        this.baseUrl = baseUrl;
    }

    /** A free registration is confirmed: its tickets and the event's calendar file come with it. */
    void registered(String email, String firstName, Event event, Order order) {
        outbox.enqueue(new Mail(email, order.getLanguage(), "registration-confirmed", Map.of(
                "firstName", firstName,
                "eventTitle", event.getTitle(),
                "reference", order.getReference(),
                "ticketCount", order.getTickets().size(),
                "link", baseUrl + "/tickets"), List.of(event.getTitle()), List.of(
                OrderTicketsRenderer.attachment(order),
                EventCalendarRenderer.attachment(event, baseUrl + "/tickets"))));
    }

    /** The buyer cancelled a paid order: its whole amount is on its way back. */
    void refunded(String email, String firstName, Event event, Order order) {
        outbox.enqueue(new Mail(email, order.getLanguage(), "order-refunded", Map.of(
                "firstName", firstName,
                "eventTitle", event.getTitle(),
                "reference", order.getReference(),
                "amount", Money.format(order.getTotal(), order.getCurrency(), order.getLanguage())),
                List.of(event.getTitle())));
    }

    /** The event was cancelled: the order is closed, and refunded in full if it had been paid. */
    void eventCancelled(String email, String firstName, Event event, Order order, boolean refunded) {
        outbox.enqueue(new Mail(email, order.getLanguage(), "event-cancelled", Map.of(
                "firstName", firstName,
                "eventTitle", event.getTitle(),
                "reference", order.getReference(),
                "refunded", refunded), List.of(event.getTitle())));
    }
}
