package org.guichet.registration;

/** A registration refused for a reason the participant can read: the message key and its arguments. */
public class RegistrationProblem extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public RegistrationProblem(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
