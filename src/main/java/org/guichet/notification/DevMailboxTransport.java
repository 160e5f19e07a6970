package org.guichet.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** With no SMTP server configured, mails stay in the outbox and are read at /dev/mailbox. */
class DevMailboxTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(DevMailboxTransport.class);

    @Override
    public void deliver(OutboxMessage message) {
        log.info("Mail to {} kept in the dev mailbox (/dev/mailbox/{}): {}", message.getRecipient(), message.getId(),
                message.getSubject());
    }
}
