package org.guichet.registration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.limits.RateLimit;
import org.guichet.limits.RateLimiter;
import org.guichet.notification.Mail;
import org.guichet.notification.MailKind;
import org.guichet.notification.MailPreferences;
import org.guichet.notification.Outbox;
import org.guichet.shared.AbsoluteLinks;
import org.guichet.shared.Refusal;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an organizer writes to the holders of an event's valid tickets, from its attendee page: a subject and a
 * plain text, previewed, then one mail per holder's address through the outbox (each buyer, and each attendee a
 * ticket was made out to at an address of their own), in the language that holder ordered in, sent in the
 * organizer's name with answers going to the organizer. Holders who switched organizers'
 * messages off are skipped by the outbox. Limited per event ({@link RateLimit#ATTENDEE_MAIL}) and recorded in the
 * event's audit.
 */
@Service
@PreAuthorize("hasAnyRole('ORGANIZER', 'ADMIN')")
public class AttendeeMessages {

    public static final int MAX_SUBJECT = 150;
    public static final int MAX_TEXT = 5_000;
    static final String TEMPLATE = "organizer-message";

    /**
     * The holders of the event's valid tickets matching the audience (its filter on {@code t}): their buyers, and
     * the attendees at an address other than their buyer's. Buyers first, then the latest order first: a buyer gets
     * the language of their latest order, an attendee who bought nothing that of the latest order giving them one.
     */
    private static final String RECIPIENTS = """
            select u.email as email, o.language as language, 1 as buyer, o.id as order_id
            from tickets t
            join orders o on o.id = t.order_id
            join users u on u.id = o.user_id
            where t.event_id = :event and t.status = 'VALID'%1$s
            union all
            select t.attendee_email, o.language, 0, o.id
            from tickets t
            join orders o on o.id = t.order_id
            join users u on u.id = o.user_id
            where t.event_id = :event and t.status = 'VALID'%1$s
              and t.attendee_email is not null and lower(t.attendee_email) <> lower(u.email)
            order by buyer desc, order_id desc
            """;

    private final EventService events;
    private final TicketTypeRepository types;
    private final NamedParameterJdbcTemplate jdbc;
    private final Outbox outbox;
    private final RateLimiter limits;
    private final MailPreferences preferences;
    private final AbsoluteLinks links;

    AttendeeMessages(EventService events, TicketTypeRepository types, NamedParameterJdbcTemplate jdbc, Outbox outbox,
            RateLimiter limits, MailPreferences preferences, AbsoluteLinks links) {
        this.preferences = preferences;
        this.events = events;
        this.types = types;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.limits = limits;
        this.links = links;
    }

    /** A message as it will be sent: its text in paragraphs of lines, as the mail shows it. */
    public record Preview(MessageAudience audience, String subject, String text, List<List<String>> paragraphs,
            int recipients, String senderName, String replyTo) {
    }

    /** What was written: {@code written} mails, and {@code skipped} holders who switched these messages off. */
    public record Sent(int written, int skipped) {
    }

    /** Checks the message and counts who will get it (not those who switched these messages off); sends nothing. */
    @Transactional(readOnly = true)
    public Preview preview(long eventId, AccountPrincipal organizer, String audience, String subject, String text) {
        events.manageable(eventId, organizer);
        Preview message = check(eventId, organizer, audience, subject, text);
        return withRecipients(message, (int) preferences.countWanting(recipients(eventId, message.audience()).stream()
                .map(Recipient::email).toList(), MailKind.ORGANIZER_MESSAGE));
    }

    /**
     * Writes one mail per distinct holder's address of the audience, in one transaction with its audit entry.
     * Refused (nothing written) when the message is not valid, when the audience holds no one, or when the event's
     * attendees were written to too often lately.
     */
    @Transactional
    public Sent send(long eventId, AccountPrincipal organizer, String audience, String subject, String text) {
        Event event = events.manageable(eventId, organizer);
        Preview message = check(eventId, organizer, audience, subject, text);
        List<Recipient> recipients = recipients(eventId, message.audience());
        if (recipients.isEmpty()) {
            throw Refusal.at("audience", "attendees.message.error.nobody");
        }
        // per event, whoever writes; per organizer and per client address, the controller's @RateLimited
        limits.take(RateLimit.ATTENDEE_MAIL, RateLimit.Scope.EVENT, eventId);
        int written = 0;
        for (Recipient recipient : recipients) {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("organizerName", message.senderName());
            variables.put("eventTitle", event.getTitle());
            variables.put("text", message.text());
            variables.put("paragraphs", message.paragraphs());
            // an attendee has no "My tickets" page for a ticket someone else bought: theirs came by mail
            variables.put("ticketsLink", recipient.buyer() ? links.base() + "/tickets" : "");
            Mail mail = new Mail(recipient.email(), recipient.language(), TEMPLATE, variables,
                    List.of(event.getTitle(), message.subject()))
                    .kind(MailKind.ORGANIZER_MESSAGE).sentFor(message.senderName()).replyTo(message.replyTo());
            if (outbox.enqueue(mail)) {
                written++;
            }
        }
        events.recordMessageToAttendees(eventId, organizer, message.audience().value(), message.subject(), written);
        return new Sent(written, recipients.size() - written);
    }

    /**
     * The text as the mail shows it: paragraphs where a blank line was typed, each a list of its lines. Nothing is
     * interpreted (no markup, no Markdown): the mail's template escapes every line.
     */
    static List<List<String>> paragraphs(String text) {
        List<List<String>> paragraphs = new ArrayList<>();
        for (String block : text.split("\n[ \t]*\n\\s*")) {
            List<String> lines = block.lines().map(String::stripTrailing).toList();
            if (!lines.isEmpty()) {
                paragraphs.add(lines);
            }
        }
        return paragraphs;
    }

    private Preview check(long eventId, AccountPrincipal organizer, String audience, String subject, String text) {
        List<Refusal.Reason> reasons = new ArrayList<>();
        MessageAudience parsed = MessageAudience.parse(audience);
        if (parsed == null || parsed.kind() == MessageAudience.Kind.TICKET_TYPE
                && types.findByEventIdOrderByPositionAscIdAsc(eventId).stream()
                        .noneMatch(type -> type.getId().equals(parsed.ticketTypeId()))) {
            reasons.add(new Refusal.Reason("audience", "attendees.message.error.audience"));
        }
        // one line: a subject is a mail header
        String cleanSubject = subject == null ? "" : subject.replaceAll("\\s+", " ").strip();
        if (cleanSubject.isEmpty()) {
            reasons.add(new Refusal.Reason("subject", "NotBlank"));
        } else if (cleanSubject.length() > MAX_SUBJECT) {
            reasons.add(new Refusal.Reason("subject", "field.error.tooLong", MAX_SUBJECT));
        }
        String cleanText = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (cleanText.isEmpty()) {
            reasons.add(new Refusal.Reason("text", "NotBlank"));
        } else if (cleanText.length() > MAX_TEXT) {
            reasons.add(new Refusal.Reason("text", "field.error.tooLong", MAX_TEXT));
        }
        if (!reasons.isEmpty()) {
            throw new Refusal(reasons);
        }
        return new Preview(parsed, cleanSubject, cleanText, paragraphs(cleanText), 0, organizer.fullName(),
                organizer.email());
    }

    private static Preview withRecipients(Preview message, int recipients) {
        return new Preview(message.audience(), message.subject(), message.text(), message.paragraphs(), recipients,
                message.senderName(), message.replyTo());
    }

    /** An address to write to; {@code buyer}: it bought tickets of the audience, which its "My tickets" page shows. */
    private record Recipient(String email, Locale language, boolean buyer) {
    }

    /**
     * One per address, compared without regard to case (the same buyer may hold tickets of several orders, and be
     * the attendee of someone else's), in the language of their latest order (as a buyer, if they are one).
     */
    private List<Recipient> recipients(long eventId, MessageAudience audience) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("event", eventId);
        String filter = switch (audience.kind()) {
            case ALL -> "";
            case NOT_CHECKED_IN -> " and t.checked_in_at is null";
            case TICKET_TYPE -> " and t.ticket_type_id = :type";
        };
        parameters.addValue("type", audience.ticketTypeId());
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        jdbc.query(RECIPIENTS.formatted(filter), parameters, (java.sql.ResultSet row) -> {
            String email = row.getString("email");
            byAddress.putIfAbsent(email.strip().toLowerCase(Locale.ROOT), new Recipient(email,
                    Locale.forLanguageTag(row.getString("language")), row.getInt("buyer") == 1));
        });
        return List.copyOf(byAddress.values());
    }
}
