package org.guichet.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.guichet.shared.Refusal;

/**
 * Who one ticket of a new order is for, as the buyer typed it when registering: a ticket of type {@code typeId},
 * an attendee's name and email address, each optional (the buyer's name, and no address of its own, when left
 * blank). The rows of one type go to its tickets in the order given; rows beyond the tickets bought are ignored.
 */
public record AttendeeDetails(long typeId, String name, String email) {

    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 254;
    private static final Pattern PLAUSIBLE_EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * The rows as they may be kept, or a refusal with a reason beside each field that cannot be
     * ({@code attendees[i].name}, {@code attendees[i].email}, {@code i} being the row's index).
     */
    static List<AttendeeDetails> checked(List<AttendeeDetails> rows) {
        List<Refusal.Reason> reasons = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            AttendeeDetails row = rows.get(i);
            if (row.name() != null && row.name().strip().length() > MAX_NAME) {
                reasons.add(new Refusal.Reason("attendees[" + i + "].name", "ticket.error.attendeeName"));
            }
            if (!isAcceptableEmail(row.email())) {
                reasons.add(new Refusal.Reason("attendees[" + i + "].email", "ticket.error.attendeeEmail"));
            }
        }
        if (!reasons.isEmpty()) {
            throw new Refusal(reasons);
        }
        return List.copyOf(rows);
    }

    /** Blank, or something that looks like one address (the mail server has the last word). */
    static boolean isAcceptableEmail(String email) {
        if (email == null || email.isBlank()) {
            return true;
        }
        String address = email.strip();
        return address.length() <= MAX_EMAIL && PLAUSIBLE_EMAIL.matcher(address).matches();
    }

    /** An address in the form tickets keep (lower case, no spaces around), or {@code null} for a blank one. */
    static String normalEmail(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** The attendee's name, or {@code fallback} (the buyer's) when none was typed. */
    String nameOr(String fallback) {
        return name == null || name.isBlank() ? fallback : name.strip();
    }
}
