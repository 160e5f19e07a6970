package org.guichet.api;

import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.Role;
import org.guichet.dashboard.DashboardQueries;
import org.guichet.dashboard.DayFigures;
import org.guichet.dashboard.EventFigures;
import org.guichet.dashboard.Revenue;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.registration.Attendee;
import org.guichet.registration.AttendeeExports;
import org.guichet.registration.AttendeeList;
import org.guichet.registration.AttendeeQuery;
import org.guichet.registration.EventWaitingList;
import org.guichet.registration.PaymentStatus;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * What the dashboard shows an organizer of one event: its attendees (and their CSV), its figures and its waiting
 * list, for the event's organizer or an administrator. Another organizer's event is not found; so is any event for
 * an account that organizes none, as the dashboard's event pages answer it ({@link #denied}).
 */
@RestController
@Tag(name = "Organizers")
class OrganizerEventsController {

    private static final String EVENT = ApiPaths.V1 + "/events/{id}";

    /** One ticket of the event and its holder. Times are UTC instants; the event's zone is in the figures. */
    record AttendeeView(long ticketId, String name, String email, Instant orderedAt, String ticketType,
            String orderStatus, String paymentStatus, String orderReference, boolean checkedIn,
            Instant checkedInAt) {

        static AttendeeView of(Attendee attendee) {
            return new AttendeeView(attendee.ticketId(), attendee.name(), attendee.email(), attendee.orderedAt(),
                    attendee.ticketType(), attendee.orderStatus().name(), attendee.paymentStatus().name(),
                    attendee.orderReference(), attendee.checkedInAt() != null, attendee.checkedInAt());
        }
    }

    /** Money of one currency as decimal strings: paid, refunded (or owed back), and what remains. */
    record RevenueView(String currency, String gross, String refunded, String net) {

        static RevenueView of(Revenue revenue) {
            return new RevenueView(revenue.currency(), revenue.gross().toPlainString(),
                    revenue.refunds().toPlainString(), revenue.net().toPlainString());
        }
    }

    /** One day in the event's time zone: orders confirmed that day, and payments received per currency. */
    record DayView(LocalDate day, long registrations, Map<String, String> gross) {

        static DayView of(DayFigures day) {
            Map<String, String> gross = new TreeMap<>();
            day.gross().forEach((currency, amount) -> gross.put(currency, amount.toPlainString()));
            return new DayView(day.day(), day.registrations(), gross);
        }
    }

    /**
     * The dashboard's numbers for one event: {@code registrations} are confirmed orders, {@code ticketsSold} valid
     * tickets, {@code ticketsHeld} tickets held for orders awaiting payment, {@code checkedIn} valid tickets
     * scanned, {@code waiting} people on the waiting list; {@code days} from publication to today (or the event's
     * end), every day included.
     */
    record FiguresView(long eventId, String timeZone, int capacity, int seatsTaken, long registrations,
            long ordersAwaitingPayment, long ticketsSold, long ticketsHeld, long ticketsCancelled, long checkedIn,
            long waiting, List<RevenueView> revenue, List<DayView> days) {

        static FiguresView of(Event event, EventFigures figures, List<DayFigures> days) {
            return new FiguresView(event.getId(), event.getTimeZone(), figures.capacity(), figures.seatsTaken(),
                    figures.registrations(), figures.heldOrders(), figures.ticketsSold(), figures.heldSeats(),
                    figures.cancelledTickets(), figures.checkedIn(), figures.waiting(),
                    figures.revenue().stream().map(RevenueView::of).toList(),
                    days.stream().map(DayView::of).toList());
        }
    }

    /**
     * One person on the waiting list, in queue order from 1. {@code wantedType}: the one type they wait for (null
     * for any seat); {@code offeredType} and {@code offeredUntil}: the seat held for them while {@code OFFERED}.
     */
    record WaitingView(long entryId, int position, String name, String email, String status, String wantedType,
            String offeredType, Instant joinedAt, Instant offeredAt, Instant offeredUntil) {

        static WaitingView of(EventWaitingList.Line line) {
            return new WaitingView(line.entryId(), line.position(), line.name(), line.email(), line.status().name(),
                    line.wantedType(), line.offeredType(), line.joinedAt(), line.offeredAt(),
                    line.offerExpiresAt());
        }
    }

    private final EventService events;
    private final AttendeeList attendees;
    private final AttendeeExports exports;
    private final DashboardQueries figures;
    private final EventWaitingList waitingList;
    private final ApiProblems problems;
    private final ETags etags;
    private final Clock clock;

    OrganizerEventsController(EventService events, AttendeeList attendees, AttendeeExports exports,
            DashboardQueries figures, EventWaitingList waitingList, ApiProblems problems, ETags etags, Clock clock) {
        this.events = events;
        this.attendees = attendees;
        this.exports = exports;
        this.figures = figures;
        this.waitingList = waitingList;
        this.problems = problems;
        this.etags = etags;
        this.clock = clock;
    }

    /** The list's parameters read as the dashboard reads them, except that a value not understood is a 400. */
    @InitBinder
    void strictListParameters(WebDataBinder binder) {
        binder.registerCustomEditor(AttendeeQuery.Sort.class, strict(AttendeeQuery.Sort::parse));
        binder.registerCustomEditor(PaymentStatus.class, strict(AttendeeQuery::payment));
        binder.registerCustomEditor(AttendeeQuery.CheckIn.class, strict(AttendeeQuery.CheckIn::parse));
        binder.registerCustomEditor(Sort.Direction.class, strict(Sort.Direction::fromOptionalString));
    }

    @GetMapping(EVENT + "/attendees")
    @ReadScope
    @Operation(summary = "The event's attendees, one per ticket issued, searched, filtered, sorted and paged",
            description = "The dashboard's attendee list: every ticket ever issued, whatever became of it. "
                    + "An unknown sort, direction or filter value is a 400.")
    PageResponse<AttendeeView> attendees(@PathVariable long id,
            @AuthenticationPrincipal AccountPrincipal organizer,
            @Parameter(description = "Words in the name, email or order reference") @RequestParam(name = "q",
                    required = false) String search,
            @Parameter(description = "Only tickets in this payment state", schema = @Schema(type = "string",
                    allowableValues = {"FREE", "PENDING", "PAID", "REFUNDED"}))
            @RequestParam(required = false) PaymentStatus payment,
            @Parameter(description = "Only tickets checked in (in) or not yet (out)", schema = @Schema(
                    type = "string", allowableValues = {"in", "out"}))
            @RequestParam(name = "checkin", required = false) AttendeeQuery.CheckIn checkIn,
            @Parameter(description = "The column to sort on (name by default)", schema = @Schema(type = "string",
                    allowableValues = {"name", "email", "ordered", "type", "order-status", "payment", "reference",
                            "checked-in"}))
            @RequestParam(required = false) AttendeeQuery.Sort sort,
            @Parameter(description = "Sort direction (asc by default)", schema = @Schema(type = "string",
                    allowableValues = {"asc", "desc"}))
            @RequestParam(name = "dir", required = false) Sort.Direction direction,
            @Valid @ParameterObject PageQuery paging) {
        AttendeeQuery query = query(search, payment, checkIn, sort, direction);
        return PageResponse.of(attendees.page(id, organizer, query, paging.number(), paging.pageSize()),
                AttendeeView::of);
    }

    /**
     * The same file as the dashboard's CSV download, in the Accept-Language: UTF-8 with a byte order mark, one line
     * per ticket, cells a spreadsheet could run as a formula prefixed with a quote.
     */
    @GetMapping(value = EVENT + "/attendees.csv", produces = "text/csv")
    @ReadScope
    @Operation(summary = "The event's attendees as CSV, with the same search, filters and sort as the list",
            description = "Every matching ticket, not one page: the dashboard's export (UTF-8 with a byte order "
                    + "mark, headings in the Accept-Language, formula-looking cells neutralised).",
            responses = @ApiResponse(responseCode = "200", description = "The CSV file",
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    void attendeesCsv(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            @Parameter(description = "Words in the name, email or order reference") @RequestParam(name = "q",
                    required = false) String search,
            @Parameter(schema = @Schema(type = "string", allowableValues = {"FREE", "PENDING", "PAID", "REFUNDED"}))
            @RequestParam(required = false) PaymentStatus payment,
            @Parameter(schema = @Schema(type = "string", allowableValues = {"in", "out"}))
            @RequestParam(name = "checkin", required = false) AttendeeQuery.CheckIn checkIn,
            @Parameter(schema = @Schema(type = "string", allowableValues = {"name", "email", "ordered", "type",
                    "order-status", "payment", "reference", "checked-in"}))
            @RequestParam(required = false) AttendeeQuery.Sort sort,
            @Parameter(schema = @Schema(type = "string", allowableValues = {"asc", "desc"}))
            @RequestParam(name = "dir", required = false) Sort.Direction direction,
            HttpServletResponse response) throws IOException {
        AttendeeQuery query = query(search, payment, checkIn, sort, direction);
        Event event = events.manageable(id, organizer);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("attendees-" + event.getId() + "-" + event.getSlug() + ".csv", StandardCharsets.UTF_8)
                .build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Consumer<Consumer<Attendee>> rows = each -> attendees.each(id, organizer, query, each);
        exports.csv(response.getOutputStream(), event.getZone(), ApiProblems.locale(), rows);
    }

    @GetMapping(EVENT + "/figures")
    @ReadScope
    @Operation(summary = "The event's figures, as its dashboard page shows them",
            description = "Counts, money per currency as decimal strings, and a series per day in the event's "
                    + "time zone. Answers an ETag; If-None-Match with it gives 304.")
    ResponseEntity<FiguresView> figures(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            WebRequest request) {
        Event event = events.manageable(id, organizer);
        EventFigures counted = Optional.ofNullable(figures.ofEvent(id))
                .orElseGet(() -> EventFigures.none(id, event.getCapacity(), event.getSeatsTaken()));
        List<DayFigures> days = figures.perDay(id, event.getZone(), event.getPublishedAt(), event.getEndsAt(),
                clock.instant());
        return etags.ok(request, FiguresView.of(event, counted, days));
    }

    @GetMapping(EVENT + "/waiting-list")
    @ReadScope
    @Operation(summary = "The people on the event's waiting list, in the order seats go to them",
            description = "Those still waiting and those offered a held seat (until offeredUntil).")
    PageResponse<WaitingView> waitingList(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            @Valid @ParameterObject PageQuery paging) {
        return PageResponse.of(waitingList.page(id, organizer, paging.pageable()), WaitingView::of);
    }

    /**
     * An account that may manage no event is told the event does not exist, as the dashboard's event pages tell it
     * (they never confirm an event id is real); an organizer's token without the scope stays a 403.
     */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException denied, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal()
                        instanceof AccountPrincipal account
                && !account.hasRole(Role.ORGANIZER) && !account.hasRole(Role.ADMIN)) {
            return problems.answer(problems.of(ProblemType.NOT_FOUND));
        }
        problems.forbidden(request, response, denied);
        return null;
    }

    private static AttendeeQuery query(String search, PaymentStatus payment, AttendeeQuery.CheckIn checkIn,
            AttendeeQuery.Sort sort, Sort.Direction direction) {
        return new AttendeeQuery(search, payment, checkIn, sort, direction == Sort.Direction.DESC, 0);
    }

    /** Reads a parameter with the parser given; a value it does not know is refused (400, the field named). */
    private static <T> PropertyEditorSupport strict(Function<String, Optional<T>> parser) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(parser.apply(text == null ? "" : text.strip())
                        .orElseThrow(() -> new IllegalArgumentException("not understood: " + text)));
            }
        };
    }
}
