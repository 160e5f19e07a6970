package org.guichet.dashboard;

import java.util.Collection;
import java.util.List;

/** The figures of several events added up; money stays per currency. */
public record Totals(int events, long registrations, long ticketsSold, long heldSeats, long checkedIn,
        List<Revenue> revenue) {

    public static Totals of(Collection<EventFigures> figures) {
        return new Totals(figures.size(),
                figures.stream().mapToLong(EventFigures::registrations).sum(),
                figures.stream().mapToLong(EventFigures::ticketsSold).sum(),
                figures.stream().mapToLong(EventFigures::heldSeats).sum(),
                figures.stream().mapToLong(EventFigures::checkedIn).sum(),
                Revenue.sum(figures.stream().flatMap(each -> each.revenue().stream()).toList()));
    }
}
