package org.guichet.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** Events, as their pages show them, to whoever may see those pages. */
@RestController
@Tag(name = "Events")
class EventsController {

    /** What an event's page shows. Amounts are decimal strings in the event's currency, never binary fractions. */
    record EventView(long id, String title, String slug, String description, String status, String visibility,
            String category, Instant startsAt, Instant endsAt, String timeZone, String venueName, String address,
            String city, String country, String onlineUrl, int capacity, int seatsLeft, boolean soldOut,
            boolean free, String lowestPrice, String currency, int maxPerPerson, Instant refundsUntil,
            String pageUrl) {

        static EventView of(Event event, String baseUrl) {
            return new EventView(event.getId(), event.getTitle(), event.getSlug(), event.getDescription(),
                    event.getStatus().name(), event.getVisibility().name(), event.getCategory().getSlug(),
                    event.getStartsAt(), event.getEndsAt(), event.getTimeZone(), event.getVenueName(),
                    event.getAddress(), event.getCity(), event.getCountry(), event.getOnlineUrl(),
                    event.getCapacity(), event.getSeatsLeft(), event.isSoldOut(), event.isFree(),
                    event.getLowestPrice().toPlainString(), event.getCurrency(), event.getMaxPerPerson(),
                    event.getRefundsUntil(), baseUrl + "/events/" + event.getId() + "/" + event.getSlug());
        }
    }

    private final EventService events;
    private final ETags etags;
    private final String baseUrl;

    EventsController(EventService events, ETags etags, @Value("${guichet.base-url}") String baseUrl) {
        this.events = events;
        this.etags = etags;
        this.baseUrl = baseUrl;
    }

    @GetMapping(ApiPaths.V1 + "/events/{id}")
    @ReadScope
    @Operation(summary = "One event, if its page is open to this account",
            description = "A draft is its organizer's only; a private event needs its link's key or an invitation; "
                    + "anything else is 404. Answers an ETag; If-None-Match with it gives 304.")
    ResponseEntity<EventView> event(@PathVariable long id,
            @Parameter(description = "A private event's secret link key") @RequestParam(required = false) String key,
            @AuthenticationPrincipal AccountPrincipal viewer, WebRequest request) {
        return etags.ok(request, EventView.of(events.viewable(id, key, viewer), baseUrl));
    }
}
