package org.guichet.notification;

import java.util.HashMap;
import java.util.Map;

import org.guichet.shared.AbsoluteLinks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Renders a {@link Mail} into its subject, HTML and plain-text bodies, in the recipient's language. */
@Component
class MailComposer {

    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final AbsoluteLinks links;
    private final MailPreferences preferences;

    MailComposer(ITemplateEngine templates, MessageSource messages, AbsoluteLinks links,
            MailPreferences preferences) {
        this.templates = templates;
        this.messages = messages;
        this.links = links;
        this.preferences = preferences;
    }

    RenderedMail render(Mail mail) {
        Map<String, Object> variables = new HashMap<>(mail.variables());
        variables.put("baseUrl", links.base());
        if (mail.kind().canUnsubscribe()) {
            variables.put("mailKind", mail.kind().name());
            variables.put("unsubscribeLink", preferences.unsubscribeLink(mail.recipient(), mail.kind(), mail.locale()));
        }
        Context context = new Context(mail.locale(), variables);
        String subject = messages.getMessage("mail." + mail.template() + ".subject",
                mail.subjectArguments().toArray(), mail.locale());
        context.setVariable("subject", subject);
        String html = templates.process("mail/" + mail.template(), context);
        String text = templates.process(TextMailTemplates.PREFIX + mail.template(), context);
        return new RenderedMail(subject, html, text);
    }

    record RenderedMail(String subject, String html, String text) {
    }
}
