package org.guichet.notification;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every email starts: rendered and stored in the caller's transaction, so a mail exists exactly when the
 * change that causes it is committed. {@link OutboxSender} delivers it afterwards.
 */
@Service
public class Outbox {

    private final OutboxRepository messages;
    private final MailComposer composer;
    private final Clock clock;

    Outbox(OutboxRepository messages, MailComposer composer, Clock clock) {
        this.messages = messages;
        this.composer = composer;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(Mail mail) {
        MailComposer.RenderedMail rendered = composer.render(mail);
        OutboxMessage message = new OutboxMessage(mail.recipient(), rendered.subject(), rendered.html(),
                rendered.text(), clock.instant());
        mail.attachments().forEach(message::attach);
        messages.save(message);
    }
}
