package org.guichet.api;

import java.time.Instant;

import org.guichet.event.Event;
import org.guichet.registration.Ticket;
import org.guichet.registration.TicketSigner;
import org.guichet.shared.AbsoluteLinks;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A ticket as its holder sees it. {@code qrPayload} is the signed code its QR image encodes ({@code G1.}...,
 * checked offline with the public key of {@code /.well-known/guichet-ticket-key}), given while the ticket is
 * valid. {@code qrPng}, {@code pdf} and {@code ics} are API addresses (bearer token, {@code read} scope);
 * {@code page} is its web page (needs a browser session).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TicketView(long id, long orderId, String orderReference, long eventId, String eventTitle,
        Instant eventStartsAt, String timeZone, long ticketTypeId, String ticketType, String holderName,
        String holderEmail, String price, String status, String paymentStatus, boolean checkedIn,
        Instant checkedInAt, String qrPayload, String qrPng, String pdf, String ics, String page) {

    /** Builds ticket views with their signed code and absolute links. */
    @Component
    static class Links {

        private final TicketSigner signer;
        private final AbsoluteLinks links;

        Links(TicketSigner signer, AbsoluteLinks links) {
            this.signer = signer;
            this.links = links;
        }

        /** A ticket of an order just read (no event details). */
        TicketView view(Ticket ticket) {
            return view(ticket, null);
        }

        TicketView view(Ticket ticket, Event event) {
            String api = links.base() + ApiPaths.V1 + "/me/tickets/" + ticket.getId();
            return new TicketView(ticket.getId(), ticket.getOrder().getId(), ticket.getOrder().getReference(),
                    ticket.getEventId(), event == null ? null : event.getTitle(),
                    event == null ? null : event.getStartsAt(), event == null ? null : event.getTimeZone(),
                    ticket.getType().getId(), ticket.getType().getName(), ticket.getAttendeeName(),
                    ticket.getAttendeeEmail(), ticket.getPrice().toPlainString(), ticket.getStatus().name(),
                    ticket.getPaymentStatus().name(), ticket.getCheckedInAt() != null, ticket.getCheckedInAt(),
                    ticket.isValid() ? signer.sign(ticket.getId(), ticket.getEventId(), ticket.getSecret()) : null,
                    api + "/qr.png", api + "/ticket.pdf", api + "/calendar.ics",
                    links.base() + "/tickets/" + ticket.getId());
        }
    }
}
