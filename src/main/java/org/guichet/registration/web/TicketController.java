package org.guichet.registration.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.CalendarFile;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.registration.QrCodes;
import org.guichet.registration.ParticipantOrders;
import org.guichet.limits.RateLimit;
import org.guichet.limits.RateLimited;
import org.guichet.shared.AbsoluteLinks;
import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
import org.guichet.registration.Ticket;
import org.guichet.registration.TicketPdf;
import org.guichet.registration.TicketSigner;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My tickets", one ticket's page with its QR code, its calendar file, who uses it, and its order's tickets mailed
 * again. Holder (or organizer, to see it) only.
 */
@Controller
class TicketController {

    private static final int QR_SIZE = 480;

    private final ParticipantOrders registrations;
    private final EventService events;
    private final TicketSigner signer;
    private final TicketPdf ticketPdf;
    private final Clock clock;
    private final AbsoluteLinks links;

    TicketController(ParticipantOrders registrations, EventService events, TicketSigner signer,
            TicketPdf ticketPdf, Clock clock, AbsoluteLinks links) {
        this.ticketPdf = ticketPdf;
        this.registrations = registrations;
        this.events = events;
        this.signer = signer;
        this.clock = clock;
        this.links = links;
    }

    @GetMapping("/tickets")
    String list(@AuthenticationPrincipal AccountPrincipal user, Model model) {
        List<Ticket> tickets = registrations.ticketsOf(user);
        Map<Long, Event> byId = events.getAll(tickets.stream().map(Ticket::getEventId).distinct().toList());
        var now = clock.instant();
        Comparator<Ticket> byStart = Comparator.comparing(ticket -> byId.get(ticket.getEventId()).getStartsAt());
        model.addAttribute("upcoming", tickets.stream().filter(t -> !byId.get(t.getEventId()).isOver(now))
                .sorted(byStart).toList());
        model.addAttribute("past", tickets.stream().filter(t -> byId.get(t.getEventId()).isOver(now))
                .sorted(byStart.reversed()).toList());
        model.addAttribute("events", byId);
        model.addAttribute("orderSizes", tickets.stream()
                .collect(Collectors.groupingBy(ticket -> ticket.getOrder().getId(), Collectors.counting())));
        model.addAttribute("now", now);
        return "registration/tickets";
    }

    @GetMapping("/tickets/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user, Model model) {
        Ticket ticket = registrations.ticket(user, id);
        model.addAttribute("ticket", ticket);
        model.addAttribute("event", events.get(ticket.getEventId()));
        model.addAttribute("code", signer.sign(ticket.getId(), ticket.getEventId(), ticket.getSecret()));
        model.addAttribute("now", clock.instant());
        return "registration/ticket";
    }

    @PostMapping("/tickets/{id}/attendee")
    String nameAttendee(@PathVariable long id, @RequestParam(defaultValue = "") String attendeeName,
            @RequestParam(defaultValue = "") String attendeeEmail, @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect) {
        try {
            registrations.nameAttendee(user, id, attendeeName, attendeeEmail);
            redirect.addFlashAttribute("saved", "ticket.attendeeSaved");
        } catch (Refusal refusal) {
            Map<String, String> problems = new HashMap<>();
            refusal.reasons().stream().filter(reason -> reason.field() != null)
                    .forEach(reason -> problems.put(reason.field(), reason.messageKey()));
            if (problems.isEmpty()) {
                Refusals.flash(redirect, refusal);
            } else {
                // the form again on the ticket's page, as typed, each problem beside its field
                redirect.addFlashAttribute("attendeeProblems", problems);
                redirect.addFlashAttribute("typedName", attendeeName);
                redirect.addFlashAttribute("typedEmail", attendeeEmail);
            }
        }
        return "redirect:/tickets/" + id;
    }

    /** The order's tickets mailed again to their buyer, from one of its tickets' page. */
    @PostMapping("/tickets/{id}/resend")
    @RateLimited(RateLimit.TICKET_RESEND)
    String resend(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect) {
        try {
            registrations.resendTickets(user, id);
            redirect.addFlashAttribute("saved", "ticket.resent");
        } catch (Refusal refusal) {
            Refusals.flash(redirect, refusal);
        }
        return "redirect:/tickets/" + id;
    }

    @GetMapping("/tickets/{id}/qr.png")
    ResponseEntity<byte[]> qr(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user) {
        Ticket ticket = registrations.ticket(user, id);
        byte[] png = QrCodes.png(signer.sign(ticket.getId(), ticket.getEventId(), ticket.getSecret()), QR_SIZE);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body(png);
    }

    @GetMapping("/tickets/{id}/ticket.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user, Locale locale) {
        Ticket ticket = registrations.ticket(user, id);
        byte[] pdf = ticketPdf.render(List.of(ticket), events.get(ticket.getEventId()), locale);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("ticket-" + id + ".pdf").build().toString())
                .body(pdf);
    }

    @GetMapping("/tickets/{id}/calendar.ics")
    ResponseEntity<byte[]> calendar(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user) {
        Ticket ticket = registrations.ticket(user, id);
        Event event = events.get(ticket.getEventId());
        String ics = CalendarFile.of(event, links.base() + "/tickets/" + id, clock.instant());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("ticket-" + id + ".ics").build().toString())
                .body(ics.getBytes(StandardCharsets.UTF_8));
    }
}
