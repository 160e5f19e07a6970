package org.guichet.registration.web;

import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletResponse;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.registration.Attendee;
import org.guichet.registration.AttendeeExports;
import org.guichet.registration.AttendeeList;
import org.guichet.registration.AttendeeQuery;
import org.guichet.registration.PaymentStatus;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** /dashboard/events/{id}/attendees: who is coming, for the event's organizer, and its CSV and XLSX exports. */
@Controller
class AttendeeController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AttendeeList attendees;
    private final AttendeeExports exports;
    private final EventService events;

    AttendeeController(AttendeeList attendees, AttendeeExports exports, EventService events) {
        this.attendees = attendees;
        this.exports = exports;
        this.events = events;
    }

    @GetMapping("/dashboard/events/{id}/attendees")
    String list(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            @RequestParam(name = "q", required = false) String search,
            @RequestParam(required = false) String payment,
            @RequestParam(name = "checkin", required = false) String checkIn,
            @RequestParam(required = false) String sort,
            @RequestParam(name = "dir", required = false) String direction,
            @RequestParam(required = false) Integer page, Model model) {
        AttendeeQuery query = AttendeeQuery.of(search, payment, checkIn, sort, direction, page);
        Event event = events.manageable(id, organizer);
        model.addAttribute("event", event);
        model.addAttribute("query", query);
        model.addAttribute("links", new AttendeeLinks(id, query));
        model.addAttribute("result", attendees.page(id, organizer, query));
        model.addAttribute("columns", AttendeeQuery.Sort.values());
        model.addAttribute("paymentStatuses", PaymentStatus.values());
        return "registration/attendees";
    }

    /** The whole list the query matches, not only the page shown: {@code .csv} or {@code .xlsx}. */
    @GetMapping("/dashboard/events/{id}/attendees.{format:csv|xlsx}")
    void export(@PathVariable long id, @PathVariable String format,
            @AuthenticationPrincipal AccountPrincipal organizer,
            @RequestParam(name = "q", required = false) String search, @RequestParam(required = false) String payment,
            @RequestParam(name = "checkin", required = false) String checkIn,
            @RequestParam(required = false) String sort, @RequestParam(name = "dir", required = false) String direction,
            Locale locale, HttpServletResponse response) throws IOException {
        AttendeeQuery query = AttendeeQuery.of(search, payment, checkIn, sort, direction, 0);
        Event event = events.manageable(id, organizer);
        Consumer<Consumer<Attendee>> rows = each -> attendees.each(id, organizer, query, each);
        if (format.equals("csv")) {
            download(response, "text/csv;charset=UTF-8", fileName(event, format));
            exports.csv(response.getOutputStream(), event.getZone(), locale, rows);
        } else {
            download(response, XLSX, fileName(event, format));
            exports.xlsx(response.getOutputStream(), event.getZone(), locale, event.getTitle(), rows);
        }
    }

    private static void download(HttpServletResponse response, String contentType, String fileName) {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static String fileName(Event event, String extension) {
        return "attendees-" + event.getId() + "-" + event.getSlug() + "." + extension;
    }
}
