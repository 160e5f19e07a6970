package org.guichet.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.CalendarFile;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.registration.ParticipantOrders;
import org.guichet.registration.QrCodes;
import org.guichet.registration.Ticket;
import org.guichet.registration.TicketPdf;
import org.guichet.registration.TicketSigner;
import org.guichet.shared.AbsoluteLinks;
import org.guichet.shared.NotFound;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * My tickets, as "My tickets" lists them, with each one's signed QR code, and its QR image, PDF and calendar file
 * for a bearer token (the web's addresses need a browser session).
 */
@RestController
@Tag(name = "Me")
class MyTicketsController {

    private static final int QR_SIZE = 480;

    private final ParticipantOrders registrations;
    private final EventService events;
    private final TicketSigner signer;
    private final TicketPdf ticketPdf;
    private final TicketView.Links links;
    private final ETags etags;
    private final Clock clock;
    private final AbsoluteLinks absolute;

    MyTicketsController(ParticipantOrders registrations, EventService events, TicketSigner signer,
            TicketPdf ticketPdf, TicketView.Links links, ETags etags, Clock clock,
            AbsoluteLinks absolute) {
        this.registrations = registrations;
        this.events = events;
        this.signer = signer;
        this.ticketPdf = ticketPdf;
        this.links = links;
        this.etags = etags;
        this.clock = clock;
        this.absolute = absolute;
    }

    @GetMapping(ApiPaths.V1 + "/me/tickets")
    @ReadScope
    @Operation(summary = "My tickets, by event start, with their QR payload and links",
            description = "Every ticket of my orders (valid, waiting for payment, cancelled, refunded), ordered by "
                    + "the event's start then ticket id. qrPayload is the signed code the QR image encodes (valid "
                    + "tickets only), verifiable with the public key of /.well-known/guichet-ticket-key.")
    ResponseEntity<PageResponse<TicketView>> tickets(@Valid @ParameterObject PageQuery paging,
            @AuthenticationPrincipal AccountPrincipal me, WebRequest request) {
        List<Ticket> tickets = registrations.ticketsOf(me);
        Map<Long, Event> byId = events.getAll(tickets.stream().map(Ticket::getEventId).distinct().toList());
        List<Ticket> sorted = tickets.stream()
                .sorted(Comparator.comparing((Ticket ticket) -> byId.get(ticket.getEventId()).getStartsAt())
                        .thenComparing(Ticket::getId))
                .toList();
        return etags.ok(request, PageResponse.of(paging.of(sorted),
                ticket -> links.view(ticket, byId.get(ticket.getEventId()))));
    }

    @GetMapping(ApiPaths.V1 + "/me/tickets/{ticketId}")
    @ReadScope
    @Operation(summary = "One of my tickets", description = "Someone else's ticket is 404.")
    ResponseEntity<TicketView> ticket(@PathVariable("ticketId") long id, @AuthenticationPrincipal AccountPrincipal me,
            WebRequest request) {
        Ticket ticket = own(me, id);
        return etags.ok(request, links.view(ticket, events.get(ticket.getEventId())));
    }

    @GetMapping(value = ApiPaths.V1 + "/me/tickets/{ticketId}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @ReadScope
    @Operation(summary = "My ticket's QR code, as a PNG image")
    ResponseEntity<byte[]> qr(@PathVariable("ticketId") long id, @AuthenticationPrincipal AccountPrincipal me) {
        Ticket ticket = own(me, id);
        byte[] png = QrCodes.png(signer.sign(ticket.getId(), ticket.getEventId(), ticket.getSecret()), QR_SIZE);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate()).body(png);
    }

    @GetMapping(value = ApiPaths.V1 + "/me/tickets/{ticketId}/ticket.pdf",
            produces = MediaType.APPLICATION_PDF_VALUE)
    @ReadScope
    @Operation(summary = "My ticket as a PDF, in the request's language (Accept-Language)")
    ResponseEntity<byte[]> pdf(@PathVariable("ticketId") long id, @AuthenticationPrincipal AccountPrincipal me,
            Locale locale) {
        Ticket ticket = own(me, id);
        byte[] pdf = ticketPdf.render(List.of(ticket), events.get(ticket.getEventId()), locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("ticket-" + id + ".pdf").build().toString())
                .body(pdf);
    }

    @GetMapping(value = ApiPaths.V1 + "/me/tickets/{ticketId}/calendar.ics", produces = "text/calendar")
    @ReadScope
    @Operation(summary = "My ticket's event as an iCalendar file")
    ResponseEntity<byte[]> calendar(@PathVariable("ticketId") long id,
            @AuthenticationPrincipal AccountPrincipal me) {
        Ticket ticket = own(me, id);
        Event event = events.get(ticket.getEventId());
        String ics = CalendarFile.of(event, absolute.base() + "/tickets/" + id, clock.instant());
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("ticket-" + id + ".ics").build().toString())
                .body(ics.getBytes(StandardCharsets.UTF_8));
    }

    /** The ticket, if it is one of my orders'; an organizer's view of attendees' tickets is not "me". */
    private Ticket own(AccountPrincipal me, long id) {
        Ticket ticket = registrations.ticket(me, id);
        if (ticket.getOrder().getUserId() != me.id()) {
            throw new NotFound("ticket", id);
        }
        return ticket;
    }
}
