package org.guichet.notification;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the outbox for the development mailbox page. */
@Service
public class DevMailbox {

    private static final int SHOWN = 100;

    private final OutboxRepository messages;

    DevMailbox(OutboxRepository messages) {
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public List<OutboxMessage> latest() {
        return messages.findAllByOrderByCreatedAtDescIdDesc(PageRequest.of(0, SHOWN));
    }

    @Transactional(readOnly = true)
    public Optional<OutboxMessage> find(long id) {
        return messages.findWithAttachments(id);
    }

    @Transactional(readOnly = true)
    public List<OutboxMessage> sentTo(String recipient) {
        return messages.findByRecipientOrderByIdDesc(recipient);
    }
}
