package org.guichet.event;

/**
 * Lets a module that builds on events keep one from being deleted (registration: once it has had tickets, even
 * cancelled ones, it can only be cancelled).
 */
public interface EventDeletionGuard {

    boolean forbidsDeleting(long eventId);
}
