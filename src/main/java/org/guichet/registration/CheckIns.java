package org.guichet.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.EventService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checking tickets at the door. A code is trusted only if its Ed25519 signature is ours, it names this event and
 * its secret is the ticket's; the check-in itself is one conditional update, so two scanners reading the same
 * ticket at once get one "checked in" and one "already checked in".
 */
@Service
public class CheckIns {

    private static final int SEARCH_LIMIT = 10;
    /**
     * How far back the next {@code since} of a check-in list reaches before the moment it was read: a change
     * stamped just before that moment by a transaction that had not committed yet is sent again next time rather
     * than missed (a ticket may come twice; never zero times).
     */
    static final Duration LIST_OVERLAP = Duration.ofMinutes(1);

    private final TicketSigner signer;
    private final TicketRepository tickets;
    private final RegistrationAuditRepository audit;
    private final EventService events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    CheckIns(TicketSigner signer, TicketRepository tickets, RegistrationAuditRepository audit, EventService events,
            ApplicationEventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.signer = signer;
        this.tickets = tickets;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What a scanning app keeps to check tickets offline: the event's tickets (all of them, or those changed at or
     * after {@code since}), and the {@code since} to ask with next time.
     */
    public record CheckInList(List<Ticket> tickets, Instant nextSince) {
    }

    /** Checked-in and expected (valid) tickets of the event. */
    public record Counts(long checkedIn, long expected) {
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ORGANIZER', 'ADMIN')")
    public CheckInResult scan(long eventId, AccountPrincipal organizer, String code) {
        events.manageable(eventId, organizer);
        TicketSigner.TicketCode read = signer.verify(code == null ? null : code.strip()).orElse(null);
        if (read == null) {
            return CheckInResult.refused(CheckInResult.Outcome.INVALID);
        }
        Ticket ticket = tickets.findWithOrder(read.ticketId())
                .filter(found -> found.getSecret().equals(read.secret()) && found.getEventId() == read.eventId())
                .orElse(null);
        if (ticket == null) {
            return CheckInResult.refused(CheckInResult.Outcome.INVALID);
        }
        if (read.eventId() != eventId) {
            return CheckInResult.refused(CheckInResult.Outcome.WRONG_EVENT);
        }
        return admit(ticket, organizer);
    }

    /** The door found the ticket by name, email or order reference instead of scanning it. */
    @Transactional
    @PreAuthorize("hasAnyRole('ORGANIZER', 'ADMIN')")
    public CheckInResult checkInChosen(long eventId, AccountPrincipal organizer, long ticketId) {
        events.manageable(eventId, organizer);
        return ticketOf(eventId, ticketId).map(ticket -> admit(ticket, organizer))
                .orElseGet(() -> CheckInResult.refused(CheckInResult.Outcome.INVALID));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ORGANIZER', 'ADMIN')")
    public CheckInResult undo(long eventId, AccountPrincipal organizer, long ticketId) {
        events.manageable(eventId, organizer);
        return ticketOf(eventId, ticketId).map(ticket -> {
            if (tickets.undoCheckIn(ticketId, clock.instant()) == 1) {
                audit.save(new RegistrationAudit(ticket.getOrder().getId(), organizer.id(),
                        RegistrationAudit.Action.CHECK_IN_UNDONE, clock.instant()));
            }
            return CheckInResult.of(CheckInResult.Outcome.UNDONE, ticket, null);
        }).orElseGet(() -> CheckInResult.refused(CheckInResult.Outcome.INVALID));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ORGANIZER', 'ADMIN')")
    public Counts counts(long eventId, AccountPrincipal organizer) {
        events.manageable(eventId, organizer);
        return new Counts(tickets.countByEventIdAndStatusAndCheckedInAtNotNull(eventId, TicketStatus.VALID),
                tickets.countByEventIdAndStatus(eventId, TicketStatus.VALID));
    }

    /**
     * The event's tickets with what the door needs (status, holder, type, check-in), every one or only those changed
     * (created, confirmed, cancelled, refunded, renamed, checked in or undone) at or after {@code since}.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ORGANIZER', 'ADMIN')")
    public CheckInList list(long eventId, AccountPrincipal organizer, Instant since) {
        events.manageable(eventId, organizer);
        Instant now = clock.instant();
        List<Ticket> found = since == null ? tickets.findAllOfEvent(eventId)
                : tickets.findChangedOfEvent(eventId, since);
        return new CheckInList(found, now.minus(LIST_OVERLAP));
    }

    /** The latest check-ins, newest first, so the door sees who just came in. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ORGANIZER', 'ADMIN')")
    public List<Ticket> latest(long eventId, AccountPrincipal organizer, int count) {
        events.manageable(eventId, organizer);
        return tickets.findLatestCheckIns(eventId, PageRequest.of(0, count));
    }

    /** Tickets of the event whose holder's name, buyer's email or order reference contains the text. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ORGANIZER', 'ADMIN')")
    public List<Ticket> find(long eventId, AccountPrincipal organizer, String text) {
        events.manageable(eventId, organizer);
        String search = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (search.length() < 2) {
            return List.of();
        }
        String escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return tickets.search(eventId, "%" + escaped + "%", PageRequest.of(0, SEARCH_LIMIT));
    }

    private Optional<Ticket> ticketOf(long eventId, long ticketId) {
        return tickets.findWithOrder(ticketId).filter(found -> found.getEventId() == eventId);
    }

    private CheckInResult admit(Ticket ticket, AccountPrincipal organizer) {
        if (ticket.getStatus() == TicketStatus.CANCELLED) {
            return CheckInResult.of(CheckInResult.Outcome.CANCELLED, ticket, null);
        }
        if (!ticket.admits()) {
            return CheckInResult.of(CheckInResult.Outcome.NOT_PAID, ticket, null);
        }
        Instant now = clock.instant();
        if (tickets.checkIn(ticket.getId(), now) == 1) {
            audit.save(new RegistrationAudit(ticket.getOrder().getId(), organizer.id(),
                    RegistrationAudit.Action.CHECKED_IN, now));
            publisher.publishEvent(new TicketCheckedIn(ticket.getId(), ticket.getOrder().getId(), ticket.getEventId(),
                    now));
            return CheckInResult.of(CheckInResult.Outcome.CHECKED_IN, ticket, now);
        }
        Instant earlier = tickets.checkedInAt(ticket.getId());
        return CheckInResult.of(CheckInResult.Outcome.ALREADY_CHECKED_IN, ticket, earlier);
    }
}
