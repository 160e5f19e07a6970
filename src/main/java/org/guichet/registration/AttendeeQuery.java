package org.guichet.registration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an organizer asks of an event's attendee list: a search on name, email or order reference, filters on
 * payment and check-in, a sort on any column and a page. Unknown values fall back to the defaults.
 */
public record AttendeeQuery(String search, PaymentStatus payment, CheckIn checkIn, Sort sort, boolean descending,
        int page) {

    public static final int PAGE_SIZE = 50;

    public enum CheckIn {
        IN, OUT;

        /** {@code in} or {@code out}, in any case; empty for anything else. */
        public static Optional<CheckIn> parse(String value) {
            return Arrays.stream(values()).filter(each -> each.name().equalsIgnoreCase(value)).findFirst();
        }
    }

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

        /** The column a request's {@code sort} names ({@link #parameter()}); empty for anything else. */
        public static Optional<Sort> parse(String value) {
            return Arrays.stream(values()).filter(each -> each.parameter().equals(value)).findFirst();
        }
    }

    /** A payment filter's value ({@code FREE}, {@code PAID}...), in any case; empty for anything else. */
    public static Optional<PaymentStatus> payment(String value) {
        return Arrays.stream(PaymentStatus.values()).filter(each -> each.name().equalsIgnoreCase(value)).findFirst();
    }

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
        return new AttendeeQuery(search, payment(payment).orElse(null), CheckIn.parse(checkIn).orElse(null),
                Sort.parse(sort).orElse(null), "desc".equalsIgnoreCase(direction), page == null ? 0 : page);
    }

    public AttendeeQuery firstPage() {
        return new AttendeeQuery(search, payment, checkIn, sort, descending, 0);
    }
}
