package org.guichet.event;

import java.time.Instant;
import java.util.Objects;
import java.util.StringJoiner;

/** What ticket holders rely on to be there: when the event takes place, and where or at which online link. */
public record WhenAndWhere(Instant startsAt, Instant endsAt, String venueName, String address, String city,
        String country, String onlineUrl) {

    static WhenAndWhere of(Event event) {
        return new WhenAndWhere(event.getStartsAt(), event.getEndsAt(), event.getVenueName(), event.getAddress(),
                event.getCity(), event.getCountry(), event.getOnlineUrl());
    }

    public boolean sameTime(WhenAndWhere other) {
        return startsAt.equals(other.startsAt) && endsAt.equals(other.endsAt);
    }

    public boolean samePlace(WhenAndWhere other) {
        return Objects.equals(venueName, other.venueName) && Objects.equals(address, other.address)
                && Objects.equals(city, other.city) && Objects.equals(country, other.country);
    }

    public boolean sameOnlineLink(WhenAndWhere other) {
        return Objects.equals(onlineUrl, other.onlineUrl);
    }

    /** Whether ticket holders must be told: the time, the place or the online link is not the same. */
    public boolean differsFrom(WhenAndWhere other) {
        return !sameTime(other) || !samePlace(other) || !sameOnlineLink(other);
    }

    /** "Venue, address, city, country", the parts given; empty for an online event. */
    public String place() {
        StringJoiner place = new StringJoiner(", ");
        for (String part : new String[] {venueName, address, city, country}) {
            if (part != null && !part.isBlank()) {
                place.add(part);
            }
        }
        return place.toString();
    }

    /** What a map search needs to find the place: its address, city and country, else the venue's name alone. */
    public String mapQuery() {
        StringJoiner query = new StringJoiner(", ");
        for (String part : new String[] {address, city, country}) {
            if (part != null && !part.isBlank()) {
                query.add(part);
            }
        }
        return query.length() == 0 && venueName != null ? venueName : query.toString();
    }
}
