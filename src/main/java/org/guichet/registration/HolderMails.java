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
import org.guichet.event.Visibility;
import org.guichet.event.WhenAndWhere;
import org.guichet.notification.Attachment;
import org.guichet.notification.Mail;
import org.guichet.notification.MailKind;
import org.guichet.notification.Outbox;
import org.guichet.shared.AbsoluteLinks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a ticket holder is told about an event they hold tickets for, one mail per address covering all their
 * tickets of it: a reminder before it, and what changed when its time or place did. In the holder's language,
 * dates on the event's clock, sent in the organizer's name, with the event's calendar file rendered at delivery (so
 * it says the event as it is then). A buyer's tickets link to their pages; an attendee who had a ticket by mail
 * cannot open those, so theirs come again as a PDF (rendered at delivery too, so it shows the new time or place).
 */
@Component
class HolderMails {

    static final String MAP_SEARCH = "https://www.openstreetmap.org/search?query=";

    private final Outbox outbox;
    private final EventFormat format;
    private final MessageSource messages;
    private final AbsoluteLinks links;

    HolderMails(Outbox outbox, EventFormat format, MessageSource messages,
            AbsoluteLinks links) {
        this.outbox = outbox;
        this.format = format;
        this.messages = messages;
        this.links = links;
    }

    /** Returns false when the holder has switched reminders off (nothing is written). */
    boolean reminder(Event event, TicketHolders.Holder holder) {
        Locale locale = holder.language();
        WhenAndWhere now = event.whenAndWhere();
        Map<String, Object> variables = new HashMap<>(common(event, holder, locale));
        variables.put("when", format.span(event, locale));
        variables.put("place", now.place());
        variables.put("mapLink", mapLink(now));
        variables.put("onlineUrl", now.onlineUrl() == null ? "" : now.onlineUrl());
        return outbox.enqueue(new Mail(holder.email(), locale, "event-reminder", variables,
                List.of(event.getTitle(), format.shortStart(event, locale)), attachments(event, holder))
                .kind(MailKind.EVENT_REMINDER).sentFor(event.getOrganizer().getFullName()));
    }

    /** The event's time, place or online link changed: before and after, side by side. Always sent. */
    void changed(Event event, TicketHolders.Holder holder, WhenAndWhere before, WhenAndWhere after) {
        Locale locale = holder.language();
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
        outbox.enqueue(new Mail(holder.email(), locale, "event-changed", variables,
                List.of(event.getTitle()), attachments(event, holder))
                .sentFor(event.getOrganizer().getFullName()));
    }

    /**
     * What both mails show: the holder's tickets (a buyer's each with its page's link, one made out to them without),
     * "My tickets" for a buyer (empty for an attendee) and how many tickets come attached.
     */
    private Map<String, Object> common(Event event, TicketHolders.Holder holder, Locale locale) {
        List<Map<String, String>> tickets = new ArrayList<>();
        holder.bought().forEach(ticket -> tickets.add(line(ticket, links.base() + "/tickets/" + ticket.getId())));
        holder.given().forEach(ticket -> tickets.add(line(ticket, "")));
        return Map.of(
                "firstName", holder.name(),
                "eventTitle", event.getTitle(),
                "organizerName", event.getOrganizer().getFullName(),
                "zone", format.zone(event, locale),
                "tickets", tickets,
                "ticketsLink", holder.isBuyer() ? links.base() + "/tickets" : "",
                "attachedTickets", holder.given().size());
    }

    private static Map<String, String> line(Ticket ticket, String link) {
        return Map.of("name", ticket.getAttendeeName(), "type", ticket.getType().getName(), "link", link);
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

    /**
     * The event's calendar file, its link the buyer's "My tickets" or, for an attendee, the event's page when it is
     * public (Guichet's home otherwise: a private event's page needs its secret link); then the PDF of the tickets
     * made out to the holder, one per order.
     */
    private List<Attachment> attachments(Event event, TicketHolders.Holder holder) {
        List<Attachment> attachments = new ArrayList<>();
        String link = holder.isBuyer() ? links.base() + "/tickets"
                : event.getVisibility() == Visibility.PUBLIC ? links.base() + "/events/" + event.getId()
                        + (event.getSlug().isEmpty() ? "" : "/" + event.getSlug()) : links.base() + "/";
        attachments.add(EventCalendarRenderer.attachment(event, link));
        for (List<Ticket> tickets : holder.givenByOrder()) {
            attachments.add(OrderTicketsRenderer.attachment(tickets.get(0).getOrder(), tickets));
        }
        return attachments;
    }
}
