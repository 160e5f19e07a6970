package org.guichet.notification;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read access to the outbox for the development mailbox page. A mail not rendered yet (the sender renders on
 * its first attempt) is rendered here first, through the same step as the sender, so the page shows it whole and
 * the sender later sends those very bytes.
 */
@Service
public class DevMailbox {

    private static final Logger log = LoggerFactory.getLogger(DevMailbox.class);
    private static final int SHOWN = 100;

    private final OutboxRepository messages;
    private final MailRendering rendering;
    private final TransactionTemplate reads;

    DevMailbox(OutboxRepository messages, MailRendering rendering, TransactionTemplate transactions) {
        this.messages = messages;
        this.rendering = rendering;
        this.reads = new TransactionTemplate(transactions.getTransactionManager());
        this.reads.setReadOnly(true);
    }

    public List<OutboxMessage> latest() {
        List<Long> shown = reads.execute(status -> messages.findAllByOrderByCreatedAtDescIdDesc(
                PageRequest.of(0, SHOWN)).stream().map(OutboxMessage::getId).toList());
        if (!shown.isEmpty()) {
            messages.findUnrendered(shown).forEach(this::render);
        }
        return reads.execute(status -> messages.findAllByOrderByCreatedAtDescIdDesc(PageRequest.of(0, SHOWN)));
    }

    public Optional<OutboxMessage> find(long id) {
        render(id);
        return messages.findWithAttachments(id);
    }

    @Transactional(readOnly = true)
    public List<OutboxMessage> sentTo(String recipient) {
        return messages.findByRecipientOrderByIdDesc(recipient);
    }

    private void render(long id) {
        try {
            if (messages.existsById(id)) {
                rendering.render(id);
            }
        } catch (RuntimeException e) {
            log.warn("Mail {} cannot be rendered for the dev mailbox: {}", id, e.toString());
        }
    }
}
