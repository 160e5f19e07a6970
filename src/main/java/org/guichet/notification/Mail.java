package org.guichet.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An email to write: the template under {@code templates/mail/} (HTML) and {@code templates/mail/text/} (plain
 * text), the recipient's language, the template's variables, and the arguments of its subject
 * ({@code mail.<template>.subject} in the message bundles), and its attachments (preferably recipes,
 * {@link Attachment#rendered}). The outbox stores it as it is and renders it at delivery, so variables and subject
 * arguments are strings, whole numbers, {@code BigDecimal}s, booleans, or lists and maps of them: format dates
 * and amounts before.
 * <p>
 * A mail is {@link MailKind#TRANSACTIONAL} unless given another {@link #kind}; it may name who it is sent for
 * ({@link #sentFor}, shown in the sender's display name, e.g. an event's organizer) and where answers go
 * ({@link #replyTo}).
 */
public record Mail(String recipient, Locale locale, String template, Map<String, Object> variables,
        List<Object> subjectArguments, List<Attachment> attachments, MailKind kind, String senderName,
        String replyTo) {

    public Mail {
        variables = Map.copyOf(variables);
        subjectArguments = List.copyOf(subjectArguments);
        attachments = List.copyOf(attachments);
        kind = kind == null ? MailKind.TRANSACTIONAL : kind;
    }

    public Mail(String recipient, Locale locale, String template, Map<String, Object> variables,
            List<Object> subjectArguments, List<Attachment> attachments) {
        this(recipient, locale, template, variables, subjectArguments, attachments, MailKind.TRANSACTIONAL, null,
                null);
    }

    public Mail(String recipient, Locale locale, String template, Map<String, Object> variables,
            List<Object> subjectArguments) {
        this(recipient, locale, template, variables, subjectArguments, List.of());
    }

    public static Mail of(String recipient, Locale locale, String template, Map<String, Object> variables) {
        return new Mail(recipient, locale, template, variables, List.of());
    }

    /** The same mail, of a kind its recipient may switch off. */
    public Mail kind(MailKind newKind) {
        return new Mail(recipient, locale, template, variables, subjectArguments, attachments, newKind, senderName,
                replyTo);
    }

    /** The same mail, sent on behalf of someone (an organizer's name), shown in the sender's display name. */
    public Mail sentFor(String name) {
        return new Mail(recipient, locale, template, variables, subjectArguments, attachments, kind, name, replyTo);
    }

    /** The same mail, its answers going to this address rather than to the no-reply sender. */
    public Mail replyTo(String address) {
        return new Mail(recipient, locale, template, variables, subjectArguments, attachments, kind, senderName,
                address);
    }
}
