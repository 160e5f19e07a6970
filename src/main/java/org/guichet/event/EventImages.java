package org.guichet.event;

import java.util.List;

import org.guichet.media.ImageFormat;

/** The two stored sizes of an event's picture: a card for listings and a wide banner for its page. */
final class EventImages {

    static final ImageFormat CARD = new ImageFormat("card", 640, 400, true);
    static final ImageFormat BANNER = new ImageFormat("banner", 1600, 640, true);
    /** Both, made from one decode of the upload. */
    static final List<ImageFormat> BOTH = List.of(CARD, BANNER);

    private EventImages() {
    }
}
