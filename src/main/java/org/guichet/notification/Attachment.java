package org.guichet.notification;

import java.util.Map;
import java.util.Objects;

/**
 * A file sent with an email: either its bytes, or a recipe (an {@link AttachmentRenderer}'s kind and its
 * parameters) that the outbox renders when it delivers the mail, so nothing slow happens in the transaction that
 * writes the mail.
 */
public final class Attachment {

    private final String filename;
    private final String contentType;
    private final byte[] content;
    private final String kind;
    private final Map<String, String> parameters;

    /** A file whose bytes are ready. */
    public Attachment(String filename, String contentType, byte[] content) {
        this(filename, contentType, content.clone(), null, Map.of());
    }

    private Attachment(String filename, String contentType, byte[] content, String kind,
            Map<String, String> parameters) {
        this.filename = Objects.requireNonNull(filename);
        this.contentType = Objects.requireNonNull(contentType);
        this.content = content;
        this.kind = kind;
        this.parameters = Map.copyOf(parameters);
    }

    /** A file rendered at delivery by the {@link AttachmentRenderer} of this kind, in the mail's language. */
    public static Attachment rendered(String filename, String contentType, String kind,
            Map<String, String> parameters) {
        return new Attachment(filename, contentType, null, Objects.requireNonNull(kind), parameters);
    }

    public String filename() {
        return filename;
    }

    public String contentType() {
        return contentType;
    }

    /** The bytes of a ready file; null for a recipe. */
    byte[] content() {
        return content == null ? null : content.clone();
    }

    /** The renderer's kind for a recipe; null for a ready file. */
    public String kind() {
        return kind;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    public boolean isRecipe() {
        return kind != null;
    }
}
