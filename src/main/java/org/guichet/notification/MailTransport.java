package org.guichet.notification;

/** The last step of delivery: hands one message to the outside world, or throws. */
interface MailTransport {

    void deliver(OutboxMessage message) throws Exception;
}
