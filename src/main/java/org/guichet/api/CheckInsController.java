package org.guichet.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.registration.CheckInResult;
import org.guichet.registration.CheckIns;
import org.guichet.registration.Ticket;
import org.guichet.shared.NotFound;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The door, for scanning apps: a code checked in with the door page's verdicts, a check-in undone, and the list an
 * app keeps to check tickets without network (then only what changed since). The event's organizer (or an admin)
 * only, with the {@code checkin} scope; another organizer's event does not exist.
 */
@RestController
@Tag(name = "Check-in")
class CheckInsController {

    record ScannedCode(@NotBlank @Size(max = 200) String code) {
    }

    /**
     * What the door page would say. {@code outcome}: CHECKED_IN (let in), ALREADY_CHECKED_IN (409), UNDONE,
     * INVALID (not one of our codes, or not a ticket), WRONG_EVENT, CANCELLED, NOT_PAID; {@code admitted} is true
     * for CHECKED_IN only; {@code message} is the door's words, in the request's language.
     */
    record Verdict(String outcome, boolean admitted, String message, Long ticketId, String holderName,
            String ticketType, String orderReference, Instant checkedInAt) {
    }

    /**
     * One ticket as a scanning app keeps it. {@code secretSha256}: SHA-256 (hex) of the ticket's 12 secret bytes,
     * the bytes 16 to 27 of a scanned code once its base64url is decoded, so an app matches a code without holding
     * secrets. {@code admits}: valid and free or paid, so it gets its holder in (unless already checked in).
     */
    record ListedTicket(long ticketId, String secretSha256, String status, String paymentStatus, boolean admits,
            Instant checkedInAt, String holderName, long ticketTypeId, String ticketType, String orderReference,
            Instant changedAt) {

        static ListedTicket of(Ticket ticket) {
            return new ListedTicket(ticket.getId(), digest(ticket.getSecret()), ticket.getStatus().name(),
                    ticket.getPaymentStatus().name(), ticket.admits(), ticket.getCheckedInAt(),
                    ticket.getAttendeeName(), ticket.getType().getId(), ticket.getType().getName(),
                    ticket.getOrder().getReference(), ticket.getChangedAt());
        }
    }

    /**
     * The list: every ticket of the event ({@code since} absent: {@code complete} true), or those changed at or after
     * {@code since}. Keep {@code nextSince} and send it as {@code since} next time; a ticket may come again, so
     * apply each by its id.
     */
    record CheckInList(long eventId, boolean complete, Instant since, Instant nextSince, int count,
            List<ListedTicket> tickets) {
    }

    private final CheckIns checkIns;
    private final EventService events;
    private final ApiProblems problems;

    CheckInsController(CheckIns checkIns, EventService events, ApiProblems problems) {
        this.checkIns = checkIns;
        this.events = events;
        this.problems = problems;
    }

    @PostMapping(ApiPaths.V1 + "/events/{id}/checkins")
    @VerifiedAccount("checkin")
    @Operation(summary = "Check a scanned code in",
            description = "The door page's verdicts: 200 with the verdict for every outcome (look at admitted), "
                    + "except a ticket already checked in: 409 problem whose verdict says since when.")
    @ApiResponse(responseCode = "200", description = "The verdict (CHECKED_IN, INVALID, WRONG_EVENT, CANCELLED, "
            + "NOT_PAID)", content = @Content(schema = @Schema(implementation = Verdict.class)))
    @ApiResponse(responseCode = "409", description = "Already checked in: the problem's verdict property says when")
    ResponseEntity<?> checkIn(@PathVariable long id, @Valid @RequestBody ScannedCode body,
            @AuthenticationPrincipal AccountPrincipal organizer) {
        Event event = events.manageable(id, organizer);
        CheckInResult result = checkIns.scan(id, organizer, body.code());
        Verdict verdict = verdict(result, event);
        if (result.outcome() == CheckInResult.Outcome.ALREADY_CHECKED_IN) {
            ProblemDetail problem = problems.of(ProblemType.CONFLICT, verdict.message());
            problem.setProperty("verdict", verdict);
            return problems.answer(problem);
        }
        return ResponseEntity.ok(verdict);
    }

    @DeleteMapping(ApiPaths.V1 + "/events/{id}/checkins/{ticketId}")
    @VerifiedAccount("checkin")
    @Operation(summary = "Undo a ticket's check-in",
            description = "The ticket is no longer counted in; undoing one not checked in changes nothing (200 "
                    + "UNDONE too). A ticket of another event: 404.")
    Verdict undo(@PathVariable long id, @PathVariable long ticketId,
            @AuthenticationPrincipal AccountPrincipal organizer) {
        Event event = events.manageable(id, organizer);
        CheckInResult result = checkIns.undo(id, organizer, ticketId);
        if (result.outcome() == CheckInResult.Outcome.INVALID) {
            throw new NotFound("ticket", ticketId);
        }
        return verdict(result, event);
    }

    @GetMapping(ApiPaths.V1 + "/events/{id}/checkin-list")
    @VerifiedAccount("checkin")
    @Operation(operationId = "checkinList", summary = "The tickets a scanning app needs to check codes offline",
            description = "Complete in one answer (not paged: a few hundred bytes per ticket, taken in one read so "
                    + "the list is consistent), ordered by ticket id. With since (an ISO-8601 instant, the "
                    + "nextSince of the previous answer) only the tickets created, confirmed, cancelled, refunded, "
                    + "renamed, checked in or undone since then. nextSince reaches a minute back, so a change "
                    + "committed late is sent again rather than missed: apply tickets by id. Each device keeps its "
                    + "own nextSince, so several stay in step.")
    CheckInList list(@PathVariable long id,
            @Parameter(description = "Only tickets changed at or after this instant (a previous nextSince)")
            @RequestParam(required = false) Instant since,
            @AuthenticationPrincipal AccountPrincipal organizer) {
        CheckIns.CheckInList list = checkIns.list(id, organizer, since);
        List<ListedTicket> tickets = list.tickets().stream().map(ListedTicket::of).toList();
        return new CheckInList(id, since == null, since, list.nextSince(), tickets.size(), tickets);
    }

    private Verdict verdict(CheckInResult result, Event event) {
        String message = result.checkedInAt() == null ? problems.message("checkin.outcome." + result.outcome())
                : problems.message("checkin.outcome." + result.outcome(), DateTimeFormatter.ofLocalizedTime(
                        FormatStyle.SHORT).withLocale(ApiProblems.locale()).withZone(ZoneId.of(event.getTimeZone()))
                        .format(result.checkedInAt()));
        return new Verdict(result.outcome().name(), result.outcome().admits(), message, result.ticketId(),
                result.attendeeName(), result.ticketType(), result.orderReference(), result.checkedInAt());
    }

    private static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Base64.getUrlDecoder().decode(secret)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
