package org.guichet.registration;

/** How many tickets a person holds for an event (confirmed or held), and how many more their limit allows. */
public record Holdings(long held, int limit) {

    public long mayStillTake() {
        return Math.max(0, limit - held);
    }
}
