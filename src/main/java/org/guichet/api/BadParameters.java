package org.guichet.api;

import java.util.List;

/** Query parameters the API cannot use, each named with why: a 400 problem with {@code errors}. */
class BadParameters extends RuntimeException {

    private final transient List<FieldProblem> errors;

    BadParameters(List<FieldProblem> errors) {
        super(errors.stream().map(FieldProblem::field).toList().toString());
        this.errors = List.copyOf(errors);
    }

    List<FieldProblem> errors() {
        return errors;
    }
}
