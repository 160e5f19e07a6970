package org.guichet.notification;

/** A file sent with an email. */
public record Attachment(String filename, String contentType, byte[] content) {

    public Attachment {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
