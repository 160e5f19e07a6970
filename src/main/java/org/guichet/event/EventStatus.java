package org.guichet.event;

public enum EventStatus {
    DRAFT, PUBLISHED, CANCELLED
}
