package org.guichet.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An iCalendar (RFC 5545) file with one event, for "Add to calendar". Every file of an event has the same UID and
 * the event's {@link Event#getCalendarSequence() SEQUENCE}, so opening the one a change notice brings updates the
 * entry a calendar app already has instead of adding a second one.
 */
public final class CalendarFile {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int LINE_OCTETS = 75;

    private CalendarFile() {
    }

    public static String of(Event event, String url, Instant now) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Guichet//Events//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + uid(event));
        line(ics, "SEQUENCE:" + event.getCalendarSequence());
        line(ics, "DTSTAMP:" + UTC.format(now));
        line(ics, "DTSTART:" + UTC.format(event.getStartsAt()));
        line(ics, "DTEND:" + UTC.format(event.getEndsAt()));
        line(ics, "SUMMARY:" + escape(event.getTitle()));
        line(ics, "DESCRIPTION:" + escape(url));
        line(ics, "URL:" + uri(url));
        String location = location(event);
        if (!location.isEmpty()) {
            line(ics, "LOCATION:" + escape(location));
        }
        if (event.getStatus() == EventStatus.CANCELLED) {
            line(ics, "STATUS:CANCELLED");
        }
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** The event's identifier in calendars: the same in every file of it, whatever changes. */
    static String uid(Event event) {
        return "event-" + event.getId() + "@guichet";
    }

    public static String location(Event event) {
        StringBuilder location = new StringBuilder();
        for (String part : new String[] {event.getVenueName(), event.getAddress(), event.getCity(), event.getCountry()}) {
            if (part != null && !part.isBlank()) {
                location.append(location.isEmpty() ? "" : ", ").append(part);
            }
        }
        if (location.isEmpty() && event.getOnlineUrl() != null) {
            location.append(event.getOnlineUrl());
        }
        return location.toString();
    }

    /** TEXT values as RFC 5545 3.3.11 says: backslash, semicolon and comma escaped, line breaks as \n, no control character. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\\n")
                .replaceAll("\\p{Cc}", "");
    }

    /** A URI value cannot be escaped: whatever could end the line or the value is dropped. */
    static String uri(String url) {
        return url.replaceAll("[\\p{Cc}\\s]", "");
    }

    /** Content lines end in CRLF and fold at 75 octets without splitting a character. */
    private static void line(StringBuilder ics, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= LINE_OCTETS) {
            ics.append(content).append("\r\n");
            return;
        }
        int octets = 0;
        int limit = LINE_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                ics.append("\r\n ");
                octets = 0;
                limit = LINE_OCTETS - 1;
            }
            ics.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append("\r\n");
    }
}
