package org.guichet.registration;

/** Not enough seats left, for the event or for one of its ticket types, at the moment of the attempt. */
public class SoldOut extends RuntimeException {

    public SoldOut(long eventId) {
        super("Event " + eventId + " has not enough seats left");
    }
}
