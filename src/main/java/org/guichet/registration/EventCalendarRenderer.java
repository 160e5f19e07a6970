package org.guichet.registration;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import org.guichet.event.CalendarFile;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.notification.Attachment;
import org.guichet.notification.AttachmentRenderer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** An event's calendar file (.ics) with a link, as a mail attachment rendered at delivery. */
@Component
public class EventCalendarRenderer implements AttachmentRenderer {

    static final String KIND = "event-calendar";
    private static final String EVENT = "event";
    private static final String LINK = "link";

    private final EventService events;
    private final Clock clock;

    EventCalendarRenderer(EventService events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** The recipe of the event's .ics, its description and URL the given absolute link. */
    public static Attachment attachment(Event event, String link) {
        return Attachment.rendered("event-" + event.getId() + ".ics", "text/calendar; charset=UTF-8", KIND,
                Map.of(EVENT, String.valueOf(event.getId()), LINK, link));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] render(Map<String, String> parameters, Locale locale) {
        Event event = events.get(Long.parseLong(parameters.get(EVENT)));
        return CalendarFile.of(event, parameters.get(LINK), clock.instant()).getBytes(StandardCharsets.UTF_8);
    }
}
