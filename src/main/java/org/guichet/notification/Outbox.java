package org.guichet.notification;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every email starts: stored in the caller's transaction, so a mail exists exactly when the change that
 * causes it is committed. Only what to render is stored (template, language, variables, attachment recipes):
 * nothing is rendered here, so a transaction holding a contended row does not wait on templates or PDFs.
 * {@link OutboxSender} renders and delivers it afterwards.
 */
@Service
public class Outbox {

    private final OutboxRepository messages;
    private final MailJson json;
    private final AttachmentRenderers renderers;
    private final MailPreferences preferences;
    private final Clock clock;

    Outbox(OutboxRepository messages, MailJson json, AttachmentRenderers renderers, MailPreferences preferences,
            Clock clock) {
        this.messages = messages;
        this.preferences = preferences;
        this.json = json;
        this.renderers = renderers;
        this.clock = clock;
    }

    /** Stores the mail, unless it is of a kind its recipient switched off; returns whether it was stored. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(Mail mail) {
        if (!preferences.wants(mail.recipient(), mail.kind())) {
            return false;
        }
        OutboxMessage message = new OutboxMessage(mail.recipient(), mail.template(), mail.locale(),
                json.variables(mail.template(), mail.variables()),
                json.arguments(mail.template(), mail.subjectArguments()), clock.instant());
        message.sendAs(mail.kind(), mail.senderName(), mail.replyTo());
        for (Attachment attachment : mail.attachments()) {
            if (attachment.isRecipe() && !renderers.knows(attachment.kind())) {
                throw new IllegalArgumentException("Mail " + mail.template() + ": no attachment renderer for "
                        + attachment.kind());
            }
            message.attach(attachment, attachment.isRecipe() ? json.parameters(attachment.parameters()) : null);
        }
        messages.save(message);
        return true;
    }
}
