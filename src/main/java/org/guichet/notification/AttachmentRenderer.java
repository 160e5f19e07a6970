package org.guichet.notification;

import java.util.Locale;
import java.util.Map;

/**
 * Writes the files that mails carry, at delivery: the module that owns a file's content implements this for its
 * {@link #kind()}, and a mail names that kind with {@link Attachment#rendered}. Called outside any transaction of
 * the outbox; an implementation loads what it needs in its own read-only transaction. Throwing makes the delivery
 * attempt fail and be retried, as an SMTP error does.
 */
public interface AttachmentRenderer {

    /** The name mails use for this kind of file, e.g. {@code order-tickets}. */
    String kind();

    byte[] render(Map<String, String> parameters, Locale locale);
}
