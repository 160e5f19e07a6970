package org.guichet.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import org.guichet.event.Event;
import org.guichet.event.EventPictureLinks;

/**
 * What an event's page shows. {@code description} is the organizer's Markdown source, {@code descriptionHtml} the
 * sanitized HTML the page renders from it. Times are UTC instants, shown in {@code timeZone}; amounts decimal
 * strings in {@code currency}, never binary fractions. Picture addresses are absolute, null when the event has
 * none, and work for whoever may see the event (a private event's carry the key it was asked with).
 */
record EventView(long id, String title, String slug, String description, String descriptionHtml, String status,
        String visibility, String category, Instant startsAt, Instant endsAt, String timeZone, String venueName,
        String address, String city, String country, String onlineUrl, int capacity, int seatsLeft,
        boolean soldOut, boolean free, String lowestPrice, String highestPrice, String currency, int maxPerPerson,
        Instant refundsUntil, Instant publishedAt, String pageUrl,
        @Schema(nullable = true) String cardPictureUrl, @Schema(nullable = true) String bannerPictureUrl) {

    static EventView of(Event event, String baseUrl, EventPictureLinks pictures, String key) {
        String card = pictures.card(event, key);
        String banner = pictures.banner(event, key);
        return new EventView(event.getId(), event.getTitle(), event.getSlug(), event.getDescription(),
                event.getDescriptionHtml(), event.getStatus().name(), event.getVisibility().name(),
                event.getCategory().getSlug(), event.getStartsAt(), event.getEndsAt(), event.getTimeZone(),
                event.getVenueName(), event.getAddress(), event.getCity(), event.getCountry(), event.getOnlineUrl(),
                event.getCapacity(), event.getSeatsLeft(), event.isSoldOut(), event.isFree(),
                event.getLowestPrice().toPlainString(), event.getHighestPrice().toPlainString(), event.getCurrency(),
                event.getMaxPerPerson(), event.getRefundsUntil(), event.getPublishedAt(),
                baseUrl + "/events/" + event.getId() + "/" + event.getSlug(),
                card == null ? null : baseUrl + card, banner == null ? null : baseUrl + banner);
    }
}
