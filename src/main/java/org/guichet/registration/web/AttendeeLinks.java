package org.guichet.registration.web;

import java.util.Locale;

import org.guichet.registration.AttendeeQuery;
import org.springframework.web.util.UriComponentsBuilder;

/** Links of the attendee page that keep the current search, filters and sort while changing one thing. */
public record AttendeeLinks(long eventId, AttendeeQuery query) {

    public String sortBy(AttendeeQuery.Sort column) {
        boolean descending = query.sort() == column && !query.descending();
        return build("/attendees", column, descending, 0);
    }

    public String page(int page) {
        return build("/attendees", query.sort(), query.descending(), page);
    }

    public String export(String extension) {
        return build("/attendees." + extension, query.sort(), query.descending(), 0);
    }

    private String build(String path, AttendeeQuery.Sort sort, boolean descending, int page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/dashboard/events/" + eventId + path);
        if (!query.search().isEmpty()) {
            link.queryParam("q", query.search());
        }
        if (query.payment() != null) {
            link.queryParam("payment", query.payment().name());
        }
        if (query.checkIn() != null) {
            link.queryParam("checkin", query.checkIn().name().toLowerCase(Locale.ROOT));
        }
        link.queryParam("sort", sort.parameter()).queryParam("dir", descending ? "desc" : "asc");
        if (page > 0) {
            link.queryParam("page", page);
        }
        return link.encode().build().toUriString();
    }
}
