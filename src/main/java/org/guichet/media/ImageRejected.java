package org.guichet.media;

/** An upload that is not an image Guichet accepts; the message key says why, for the form to show. */
public class ImageRejected extends Exception {

    private final String messageKey;
    private final transient Object[] arguments;

    public ImageRejected(String messageKey, Object... arguments) {
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
