package org.guichet.registration;

import java.util.Locale;
import java.util.Map;

/**
 * What an organizer asks of an event's attendee list: a search on name, email or order reference, filters on
 * payment and check-in, a sort on any column and a page. Unknown values fall back to the defaults.
 */
public record AttendeeQuery(String search, PaymentStatus payment, CheckIn checkIn, Sort sort, boolean descending,
        int page) {

    public static final int PAGE_SIZE = 50;

    public enum CheckIn { IN, OUT }

    /** The columns of the list, each sorted by its own SQL expression (never text from the request). */
    public enum Sort {
        NAME("lower(t.attendee_name)", "name"),
        EMAIL("lower(u.email)", "email"),
        ORDERED("o.created_at", "ordered"),
        TYPE("lower(tt.name)", "type"),
        ORDER_STATUS("o.status", "orderStatus"),
        PAYMENT("t.payment_status", "payment"),
        REFERENCE("o.reference", "reference"),
        CHECKED_IN("t.checked_in_at", "checkedIn");

        private final String column;
        private final String label;

        Sort(String column, String label) {
            this.column = column;
            this.label = label;
        }

        String column() {
            return column;
        }

        /** The column's heading in pages and exports. */
        public String messageKey() {
            return "attendees.column." + label;
        }

        public String parameter() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final Map<String, Sort> SORTS = Map.of("name", Sort.NAME, "email", Sort.EMAIL,
            "ordered", Sort.ORDERED, "type", Sort.TYPE, "order-status", Sort.ORDER_STATUS, "payment", Sort.PAYMENT,
            "reference", Sort.REFERENCE, "checked-in", Sort.CHECKED_IN);

    public AttendeeQuery {
        search = search == null ? "" : search.strip();
        if (search.length() > 100) {
            search = search.substring(0, 100);
        }
        sort = sort == null ? Sort.NAME : sort;
        page = Math.max(page, 0);
    }

    /** Reads the request's parameters as given; anything not understood is ignored. */
    public static AttendeeQuery of(String search, String payment, String checkIn, String sort, String direction,
            Integer page) {
        PaymentStatus paymentStatus = null;
        for (PaymentStatus each : PaymentStatus.values()) {
            if (each.name().equalsIgnoreCase(payment)) {
                paymentStatus = each;
            }
        }
        CheckIn checkedIn = "in".equalsIgnoreCase(checkIn) ? CheckIn.IN : "out".equalsIgnoreCase(checkIn) ? CheckIn.OUT : null;
        return new AttendeeQuery(search, paymentStatus, checkedIn, SORTS.get(sort == null ? "" : sort),
                "desc".equalsIgnoreCase(direction), page == null ? 0 : page);
    }

    public AttendeeQuery firstPage() {
        return new AttendeeQuery(search, payment, checkIn, sort, descending, 0);
    }
}
