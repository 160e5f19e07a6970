package org.guichet.notification;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renders an outbox message once: subject and bodies from its template, and each attachment recipe through its
 * {@link AttachmentRenderer}, outside any transaction of the outbox. The result is stored only if no rendering
 * is stored yet, so every delivery attempt and the dev mailbox show the same bytes.
 */
@Component
class MailRendering {

    private final OutboxRepository messages;
    private final MailComposer composer;
    private final AttachmentRenderers renderers;
    private final MailJson json;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MailRendering(OutboxRepository messages, MailComposer composer, AttachmentRenderers renderers, MailJson json,
            TransactionTemplate transactions, Clock clock) {
        this.messages = messages;
        this.composer = composer;
        this.renderers = renderers;
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Makes sure the message's rendering is stored; throws, storing nothing, when a template or renderer fails. */
    void render(long id) {
        OutboxMessage message = messages.findWithAttachments(id).orElseThrow();
        if (message.isRendered()) {
            return;
        }
        MailComposer.RenderedMail mail = composer.render(new Mail(message.getRecipient(), message.getLocale(),
                message.getTemplate(), json.readVariables(message.getVariables()),
                json.readArguments(message.getSubjectArguments())).kind(message.getKind()));
        Map<Long, byte[]> files = new LinkedHashMap<>();
        for (OutboxAttachment attachment : message.getAttachments()) {
            if (attachment.getContent() == null) {
                files.put(attachment.getId(), renderers.of(attachment.getKind())
                        .render(json.readParameters(attachment.getParameters()), message.getLocale()));
            }
        }
        transactions.executeWithoutResult(status -> {
            if (messages.storeRendering(id, mail.subject(), mail.html(), mail.text(), clock.instant()) == 1) {
                files.forEach(messages::storeContent);
            }
        });
    }
}
