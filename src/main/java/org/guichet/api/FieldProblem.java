package org.guichet.api;

/** One field's error in a problem's {@code errors}: the field (a JSON property or query parameter) and why, translated. */
public record FieldProblem(String field, String message) {
}
