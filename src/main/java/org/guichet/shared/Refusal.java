package org.guichet.shared;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Something a person asked for that Guichet will not do, for reasons they can read: each reason a message key
 * with its arguments, tied to the form field it is about (or to none). The one way every module refuses.
 */
public class Refusal extends RuntimeException {

    /** One reason: the field it belongs to ({@code null} for the whole request), its message key and arguments. */
    public record Reason(String field, String messageKey, Object... arguments) implements Serializable {

        public Reason {
            arguments = arguments == null ? new Object[0] : arguments.clone();
        }

        @Override
        public Object[] arguments() {
            return arguments.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Reason reason && java.util.Objects.equals(field, reason.field)
                    && messageKey.equals(reason.messageKey) && Arrays.equals(arguments, reason.arguments);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(field, messageKey, Arrays.hashCode(arguments));
        }

        @Override
        public String toString() {
            return (field == null ? "" : field + ": ") + messageKey + Arrays.toString(arguments);
        }
    }

    private final ArrayList<Reason> reasons;

    /** Refuses the whole request, not one field. */
    public Refusal(String messageKey, Object... arguments) {
        this(List.of(new Reason(null, messageKey, arguments)));
    }

    public Refusal(List<Reason> reasons) {
        super(reasons.stream().map(Reason::messageKey).collect(java.util.stream.Collectors.joining(", ")));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs a reason");
        }
        this.reasons = new ArrayList<>(reasons);
    }

    /** Refuses what was typed in one field. */
    public static Refusal at(String field, String messageKey, Object... arguments) {
        return new Refusal(List.of(new Reason(field, messageKey, arguments)));
    }

    /** Several reasons about one field, each a message key without arguments (a password's rules, say). */
    public static Refusal allAt(String field, List<String> messageKeys) {
        return new Refusal(messageKeys.stream().map(key -> new Reason(field, key)).toList());
    }

    public List<Reason> reasons() {
        return List.copyOf(reasons);
    }

    /** The first reason's key: what a flash message or an API problem shows when only one is shown. */
    public String messageKey() {
        return reasons.get(0).messageKey();
    }

    public Object[] arguments() {
        return reasons.get(0).arguments();
    }

    public String field() {
        return reasons.get(0).field();
    }
}
