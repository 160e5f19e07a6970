package org.guichet.event;

import java.util.HashMap;
import java.util.Map;

import org.guichet.media.StoredImages;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The addresses of an event's pictures, for templates ({@code @eventPictures.card(event, key)}): served by
 * the event page controller's {@code /events/{id}/picture/{size}} to those who may see the event, with the secret link's key passed on.
 */
@Component("eventPictures")
public class EventPictureLinks {

    public static final String CARD = "card";
    public static final String BANNER = "banner";

    private final StoredImages images;

    EventPictureLinks(StoredImages images) {
        this.images = images;
    }

    /** The card picture's address, null when the event has none. */
    public String card(Event event, String key) {
        return link(event, CARD, event.getCardImageKey(), key);
    }

    /** The banner's address, null when the event has none. */
    public String banner(Event event, String key) {
        return link(event, BANNER, event.getBannerImageKey(), key);
    }

    private String link(Event event, String size, String file, String key) {
        if (file == null) {
            return null;
        }
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/events/{id}/picture/{size}")
                .queryParam("v", "{version}");
        Map<String, Object> values = new HashMap<>(Map.of("id", event.getId(), "size", size,
                "version", images.version(file)));
        if (key != null && !key.isBlank()) {
            // a variable, so whatever was typed as key is encoded strictly (an & in it stays inside it)
            link.queryParam("key", "{key}");
            values.put("key", key);
        }
        return link.encode().buildAndExpand(values).toUriString();
    }
}
