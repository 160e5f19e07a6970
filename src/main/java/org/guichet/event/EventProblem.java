package org.guichet.event;

import java.util.List;

/** An event change refused for reasons the organizer can fix, each tied to a form field (or none). */
public class EventProblem extends RuntimeException {

    public record Violation(String field, String messageKey, Object... arguments) {
    }

    private final List<Violation> violations;

    public EventProblem(List<Violation> violations) {
        super(violations.stream().map(Violation::messageKey).toList().toString());
        this.violations = List.copyOf(violations);
    }

    public EventProblem(String field, String messageKey, Object... arguments) {
        this(List.of(new Violation(field, messageKey, arguments)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
