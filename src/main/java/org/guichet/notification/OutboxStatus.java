package org.guichet.notification;

public enum OutboxStatus {
    PENDING, SENDING, RETRY, SENT, FAILED
}
