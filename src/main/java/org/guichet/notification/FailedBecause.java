package org.guichet.notification;

/** Why the outbox gave a mail up. */
public enum FailedBecause {

    /** Every attempt failed for a reason that might have passed (an outage, a 4xx reply), until the last one. */
    GAVE_UP,
    /** The recipient's server refused it for good: a 5xx reply about the address, to RCPT TO or to its content. */
    REJECTED,
    /** Not sent: its recipient may switch such mails off, and their address is failing. */
    ADDRESS_FAILING
}
