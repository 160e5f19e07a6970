package org.guichet.registration;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.event.Event;
import org.guichet.event.EventFormat;
import org.guichet.event.WhenAndWhere;
import org.guichet.notification.Attachment;
import org.guichet.notification.Mail;
import org.guichet.notification.MailKind;
import org.guichet.notification.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a ticket holder is told about an event they hold tickets for, one mail per buyer covering all their tickets
 * of it: a reminder before it, and what changed when its time or place did. In the buyer's language, dates on the
 * event's clock, sent in the organizer's name, with the event's calendar file rendered at delivery (so it says the
 * event as it is then).
 */
@Component
class HolderMails {

    static final String MAP_SEARCH = "https://www.openstreetmap.org/search?query=";

    private final Outbox outbox;
    private final EventFormat format;
    private final MessageSource messages;
    private final String baseUrl;

    HolderMails(Outbox outbox, EventFormat format, MessageSource messages,
            @Value("${guichet.base-url}") String baseUrl) {
        this.outbox = outbox;
        this.format = format;
        this.messages = messages;
        this.baseUrl = baseUrl;
    }

    /** Returns false when the holder has switched reminders off (nothing is written). */
    boolean reminder(Event event, TicketHolders.Holder holder) {
        Locale locale = holder.buyer().getLanguage();
        WhenAndWhere now = event.whenAndWhere();
        Map<String, Object> variables = new HashMap<>(common(event, holder, locale));
        variables.put("when", format.span(event, locale));
        variables.put("place", now.place());
        variables.put("mapLink", mapLink(now));
        variables.put("onlineUrl", now.onlineUrl() == null ? "" : now.onlineUrl());
        return outbox.enqueue(new Mail(holder.buyer().getEmail(), locale, "event-reminder", variables,
                List.of(event.getTitle(), format.shortStart(event, locale)), List.of(calendar(event)))
                .kind(MailKind.EVENT_REMINDER).sentFor(event.getOrganizer().getFullName()));
    }

    /** The event's time, place or online link changed: before and after, side by side. Always sent. */
    void changed(Event event, TicketHolders.Holder holder, WhenAndWhere before, WhenAndWhere after) {
        Locale locale = holder.buyer().getLanguage();
        List<Map<String, String>> changes = new ArrayList<>();
        if (!before.sameTime(after)) {
            changes.add(change("time",
                    format.span(before.startsAt(), before.endsAt(), event.getZone(), locale),
                    format.span(after.startsAt(), after.endsAt(), event.getZone(), locale)));
        }
        if (!before.samePlace(after)) {
            changes.add(change("place", orNone(before.place(), locale), orNone(after.place(), locale)));
        }
        if (!before.sameOnlineLink(after)) {
            changes.add(change("online", orNone(before.onlineUrl(), locale), orNone(after.onlineUrl(), locale)));
        }
        Map<String, Object> variables = new HashMap<>(common(event, holder, locale));
        variables.put("changes", changes);
        variables.put("mapLink", before.samePlace(after) ? "" : mapLink(after));
        outbox.enqueue(new Mail(holder.buyer().getEmail(), locale, "event-changed", variables,
                List.of(event.getTitle()), List.of(calendar(event)))
                .sentFor(event.getOrganizer().getFullName()));
    }

    private Map<String, Object> common(Event event, TicketHolders.Holder holder, Locale locale) {
        List<Map<String, String>> tickets = holder.tickets().stream()
                .map(ticket -> Map.of("name", ticket.getAttendeeName(), "type", ticket.getType().getName(),
                        "link", baseUrl + "/tickets/" + ticket.getId()))
                .toList();
        return Map.of(
                "firstName", holder.buyer().getFirstName(),
                "eventTitle", event.getTitle(),
                "organizerName", event.getOrganizer().getFullName(),
                "zone", format.zone(event, locale),
                "tickets", tickets,
                "ticketsLink", baseUrl + "/tickets");
    }

    private static Map<String, String> change(String what, String before, String after) {
        return Map.of("what", what, "before", before, "after", after);
    }

    private String orNone(String value, Locale locale) {
        return value == null || value.isBlank() ? messages.getMessage("mail.event-changed.none", null, locale)
                : value;
    }

    /** An OpenStreetMap search for the place, or empty for an online event. */
    static String mapLink(WhenAndWhere place) {
        String query = place.mapQuery();
        return query.isEmpty() ? "" : MAP_SEARCH + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private Attachment calendar(Event event) {
        return EventCalendarRenderer.attachment(event, baseUrl + "/tickets");
    }
}
