package org.guichet.api;

import java.util.List;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.EventPictureLinks;
import org.guichet.event.EventSearch;
import org.guichet.event.EventService;
import org.guichet.shared.AbsoluteLinks;
import org.springdoc.core.annotations.ParameterObject;
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

    private final EventService events;
    private final EventPictureLinks pictures;
    private final ApiProblems problems;
    private final ETags etags;
    private final AbsoluteLinks links;

    EventsController(EventService events, EventPictureLinks pictures, ApiProblems problems, ETags etags,
            AbsoluteLinks links) {
        this.events = events;
        this.pictures = pictures;
        this.problems = problems;
        this.etags = etags;
        this.links = links;
    }

    @GetMapping(ApiPaths.V1 + "/events")
    @ReadScope
    @Operation(summary = "The public listing: published public events not over yet, with the web listing's filters",
            description = "A filter value that cannot be read (a date, a price or a sort of no known kind) is a 400 "
                    + "problem naming it. Dates are days in Europe/Paris, as on the web listing.")
    PageResponse<EventView> list(
            @Parameter(description = "Words to find in the title, description, venue or city") @RequestParam(required = false) String q,
            @Parameter(description = "A category's slug") @RequestParam(required = false) String category,
            @Parameter(description = "A city, whatever its case and accents") @RequestParam(required = false) String city,
            @Parameter(description = "Starting on or after this day (yyyy-MM-dd)") @RequestParam(required = false) String from,
            @Parameter(description = "Starting on or before this day (yyyy-MM-dd)") @RequestParam(required = false) String to,
            @Parameter(description = "Free events only, or paid ones only",
                    schema = @Schema(allowableValues = {"free", "paid"})) @RequestParam(required = false) String price,
            @Parameter(description = "date: soonest first (the default); newest: last published first; "
                    + "popular: most seats taken first", schema = @Schema(allowableValues = {"date", "newest", "popular"}))
            @RequestParam(required = false) String sort,
            @Valid @ParameterObject PageQuery paging) {
        EventSearch search = EventSearch.parse(q, category, city, from, to, price, sort, null);
        if (!search.ignored().isEmpty()) {
            List<FieldProblem> errors = search.ignored().stream()
                    .map(field -> new FieldProblem(field, problems.message("api.problem.field.unreadable"))).toList();
            throw new BadParameters(errors);
        }
        return PageResponse.of(events.search(search, paging.pageable()),
                event -> EventView.of(event, links.base(), pictures, null));
    }

    @GetMapping(ApiPaths.V1 + "/events/{id}")
    @ReadScope
    @Operation(summary = "One event, if its page is open to this account",
            description = "A draft is its organizer's only; a private event needs its link's key or an invitation; "
                    + "anything else is 404. Answers an ETag; If-None-Match with it gives 304.")
    ResponseEntity<EventView> event(@PathVariable long id,
            @Parameter(description = "A private event's secret link key") @RequestParam(required = false) String key,
            @AuthenticationPrincipal AccountPrincipal viewer, WebRequest request) {
        return etags.ok(request, EventView.of(events.viewable(id, key, viewer), links.base(), pictures, key));
    }
}
