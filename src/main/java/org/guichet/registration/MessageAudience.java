package org.guichet.registration;

/**
 * Whom an organizer's message to an event's attendees goes to, among the holders of its valid tickets: all of
 * them, the holders of one ticket type, or those not checked in yet. Written in forms as {@code all},
 * {@code type-<id>} and {@code not-checked-in}.
 */
public record MessageAudience(Kind kind, Long ticketTypeId) {

    public enum Kind { ALL, TICKET_TYPE, NOT_CHECKED_IN }

    public static final MessageAudience ALL = new MessageAudience(Kind.ALL, null);
    public static final MessageAudience NOT_CHECKED_IN = new MessageAudience(Kind.NOT_CHECKED_IN, null);

    private static final String TYPE_PREFIX = "type-";

    public MessageAudience {
        if (kind == null || (kind == Kind.TICKET_TYPE) != (ticketTypeId != null)) {
            throw new IllegalArgumentException("a ticket type audience, and only it, names its ticket type");
        }
    }

    public static MessageAudience ofType(long ticketTypeId) {
        return new MessageAudience(Kind.TICKET_TYPE, ticketTypeId);
    }

    /** The audience a form sent, or {@code null} when it is none of them. */
    public static MessageAudience parse(String value) {
        if (value == null) {
            return null;
        }
        String typed = value.strip();
        if (typed.equals("all")) {
            return ALL;
        }
        if (typed.equals("not-checked-in")) {
            return NOT_CHECKED_IN;
        }
        if (typed.startsWith(TYPE_PREFIX) && typed.length() > TYPE_PREFIX.length() && typed.length() <= 25
                && typed.substring(TYPE_PREFIX.length()).chars().allMatch(Character::isDigit)) {
            try {
                return ofType(Long.parseLong(typed.substring(TYPE_PREFIX.length())));
            } catch (NumberFormatException tooLarge) {
                return null;
            }
        }
        return null;
    }

    /** As forms write it. */
    public String value() {
        return switch (kind) {
            case ALL -> "all";
            case NOT_CHECKED_IN -> "not-checked-in";
            case TICKET_TYPE -> TYPE_PREFIX + ticketTypeId;
        };
    }
}
