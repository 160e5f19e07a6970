package org.guichet.registration.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.registration.AttendeeDetails;
import org.guichet.registration.TicketType;
import org.guichet.shared.Refusal;

/**
 * One row of the confirmation page's "who is each ticket for": the {@code number}-th ticket of a type, with the
 * name and address typed for it ({@code attendee-12-2-name}, {@code attendee-12-2-email}), both optional. Public
 * for the page's expressions only.
 */
public record AttendeeRow(long typeId, String typeName, int number, String name, String email) {

    private static final Pattern FIELD = Pattern.compile("attendee-(\\d{1,18})-(\\d{1,4})-(name|email)");
    private static final Pattern REASON = Pattern.compile("attendees\\[(\\d+)]\\.(name|email)");

    public String nameField() {
        return "attendee-" + typeId + "-" + number + "-name";
    }

    public String emailField() {
        return "attendee-" + typeId + "-" + number + "-email";
    }

    AttendeeDetails details() {
        return new AttendeeDetails(typeId, name, email);
    }

    /**
     * The rows a form sent, for the types chosen and no further than the tickets chosen of each: by type, then by
     * ticket. Only the fields present count, so a request cannot make more rows than it has fields.
     */
    static List<AttendeeRow> typed(Map<Long, Integer> chosen, Map<String, String> params) {
        Map<String, String[]> found = new HashMap<>();
        params.forEach((field, value) -> {
            Matcher matcher = FIELD.matcher(field);
            if (matcher.matches()) {
                long type = Long.parseLong(matcher.group(1));
                int number = Integer.parseInt(matcher.group(2));
                if (number >= 1 && number <= chosen.getOrDefault(type, 0)) {
                    String[] row = found.computeIfAbsent(type + "-" + number, ignored -> new String[2]);
                    row[matcher.group(3).equals("name") ? 0 : 1] = value;
                }
            }
        });
        List<AttendeeRow> rows = new ArrayList<>();
        found.forEach((row, values) -> {
            String[] ids = row.split("-");
            rows.add(new AttendeeRow(Long.parseLong(ids[0]), null, Integer.parseInt(ids[1]), values[0], values[1]));
        });
        rows.sort(Comparator.comparingLong(AttendeeRow::typeId).thenComparingInt(AttendeeRow::number));
        return rows;
    }

    /**
     * A row for each ticket chosen (as many as one order may take of its type), in the page's order of types,
     * showing what was typed in it, if anything.
     */
    static List<AttendeeRow> forChoice(List<TicketType> types, Map<Long, Integer> chosen, List<AttendeeRow> typed) {
        Map<String, AttendeeRow> byField = new HashMap<>();
        typed.forEach(row -> byField.put(row.nameField(), row));
        List<AttendeeRow> rows = new ArrayList<>();
        for (TicketType type : types) {
            int count = Math.min(chosen.getOrDefault(type.getId(), 0), type.getMaxPerOrder());
            for (int number = 1; number <= count; number++) {
                AttendeeRow row = byField.get(new AttendeeRow(type.getId(), null, number, null, null).nameField());
                rows.add(new AttendeeRow(type.getId(), type.getName(), number, row == null ? null : row.name(),
                        row == null ? null : row.email()));
            }
        }
        return rows;
    }

    /** The refusal's reasons about the rows' fields, by the field's name on the page; empty if none are. */
    static Map<String, String> problems(List<AttendeeRow> rows, Refusal refusal) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (Refusal.Reason reason : refusal.reasons()) {
            Matcher matcher = REASON.matcher(reason.field() == null ? "" : reason.field());
            if (matcher.matches() && Integer.parseInt(matcher.group(1)) < rows.size()) {
                AttendeeRow row = rows.get(Integer.parseInt(matcher.group(1)));
                problems.put(matcher.group(2).equals("name") ? row.nameField() : row.emailField(), reason.messageKey());
            }
        }
        return problems;
    }
}
