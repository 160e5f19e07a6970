package org.guichet.event;

import java.util.Map;

import org.guichet.account.AccountPrincipal;

/**
 * Lets a module that builds on events add to an event's public page (registration adds its ticket panel) without
 * the event module knowing it.
 */
public interface EventPageExtension {

    /** Model attributes for the event's page; {@code viewer} is null for a visitor. */
    Map<String, Object> attributes(Event event, AccountPrincipal viewer);
}
