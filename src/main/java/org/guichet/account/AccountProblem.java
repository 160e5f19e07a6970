package org.guichet.account;

import java.util.List;

/**
 * A change to an account refused for a reason the user can fix: which field is wrong ({@code null} for the form
 * as a whole) and the message keys to show beside it.
 */
public class AccountProblem extends RuntimeException {

    private final String field;
    private final List<String> messageKeys;

    public AccountProblem(String field, List<String> messageKeys) {
        super(field + ": " + messageKeys);
        this.field = field;
        this.messageKeys = List.copyOf(messageKeys);
    }

    public AccountProblem(String field, String messageKey) {
        this(field, List.of(messageKey));
    }

    public String field() {
        return field;
    }

    public List<String> messageKeys() {
        return messageKeys;
    }
}
