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
 */
public record Mail(String recipient, Locale locale, String template, Map<String, Object> variables,
        List<Object> subjectArguments, List<Attachment> attachments) {

    public Mail {
        variables = Map.copyOf(variables);
        subjectArguments = List.copyOf(subjectArguments);
        attachments = List.copyOf(attachments);
    }

    public Mail(String recipient, Locale locale, String template, Map<String, Object> variables,
            List<Object> subjectArguments) {
        this(recipient, locale, template, variables, subjectArguments, List.of());
    }

    public static Mail of(String recipient, Locale locale, String template, Map<String, Object> variables) {
        return new Mail(recipient, locale, template, variables, List.of());
    }
}
