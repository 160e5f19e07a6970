package org.guichet.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.registration.TicketType;
import org.guichet.registration.TicketTypes;
import org.guichet.shared.NotFound;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An event's ticket types: as its page offers them to visitors, and as its organizer manages them. */
@RestController
@Tag(name = "Ticket types")
class TicketTypesController {

    /**
     * A ticket type. {@code onSale}: it can be bought now (open, inside its window, some left). {@code quantity}
     * and {@code sold} are the organizer's figures: null for anyone else.
     */
    record TicketTypeView(long id, String name, String price, String currency, int maxPerOrder, Instant saleStartsAt,
            Instant saleEndsAt, boolean closed, boolean onSale, int remaining,
            @Schema(nullable = true) Integer quantity, @Schema(nullable = true) Integer sold) {

        static TicketTypeView of(TicketType type, Event event, Instant now, boolean organizer) {
            return new TicketTypeView(type.getId(), type.getName(), type.getPrice().toPlainString(),
                    event.getCurrency(), type.getMaxPerOrder(), type.getSaleStartsAt(), type.getSaleEndsAt(),
                    type.isClosed(), type.isOnSale(now, event.getStartsAt()) && type.getRemaining() > 0,
                    type.getRemaining(), organizer ? type.getQuantity() : null, organizer ? type.getSold() : null);
        }
    }

    private final EventService events;
    private final TicketTypes ticketTypes;
    private final Clock clock;

    TicketTypesController(EventService events, TicketTypes ticketTypes, Clock clock) {
        this.events = events;
        this.ticketTypes = ticketTypes;
        this.clock = clock;
    }

    @GetMapping(ApiPaths.V1 + "/events/{id}/ticket-types")
    @ReadScope
    @Operation(operationId = "ticketTypes",
            summary = "The event's ticket types, in the page's order, to whoever may see the event",
            description = "Everyone sees what the event's page lists (every type, with whether it is on sale); its "
                    + "organizer also sees each type's quantity and tickets sold. An event this account may not see: "
                    + "404.")
    PageResponse<TicketTypeView> list(@PathVariable long id,
            @Parameter(description = "A private event's secret link key") @RequestParam(required = false) String key,
            @AuthenticationPrincipal AccountPrincipal viewer, @Valid @ParameterObject PageQuery paging) {
        Event event = events.viewable(id, key, viewer);
        boolean organizer = events.mayManage(event, viewer);
        List<TicketType> types = organizer ? ticketTypes.manageable(id, viewer) : ticketTypes.of(id);
        Instant now = clock.instant();
        return PageResponse.of(paging.of(types), type -> TicketTypeView.of(type, event, now, organizer));
    }

    @PostMapping(ApiPaths.V1 + "/events/{id}/ticket-types")
    @VerifiedAccount("write")
    @Operation(summary = "Add a ticket type to the organizer's event")
    @ApiResponse(responseCode = "201", description = "The new type")
    ResponseEntity<TicketTypeView> add(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            @Valid @RequestBody TicketTypeRequest request) {
        Event event = events.manageable(id, organizer);
        TicketType added = ticketTypes.add(id, organizer, request.toDetails());
        return ResponseEntity.created(URI.create(ApiPaths.V1 + "/events/" + id + "/ticket-types"))
                .body(TicketTypeView.of(added, event, clock.instant(), true));
    }

    @PutMapping(ApiPaths.V1 + "/events/{id}/ticket-types/{typeId}")
    @VerifiedAccount("write")
    @Operation(summary = "Change a ticket type", description = "Its quantity never goes below the tickets sold (422).")
    TicketTypeView change(@PathVariable long id, @PathVariable long typeId,
            @AuthenticationPrincipal AccountPrincipal organizer, @Valid @RequestBody TicketTypeRequest request) {
        Event event = events.manageable(id, organizer);
        TicketType changed = ticketTypes.change(id, typeId, organizer, request.toDetails());
        return TicketTypeView.of(changed, event, clock.instant(), true);
    }

    @PostMapping(ApiPaths.V1 + "/events/{id}/ticket-types/{typeId}/close")
    @VerifiedAccount("write")
    @Operation(summary = "Stop selling a ticket type (tickets sold stay valid)", description = "Closed already: 409.")
    TicketTypeView close(@PathVariable long id, @PathVariable long typeId,
            @AuthenticationPrincipal AccountPrincipal organizer) {
        Event event = events.manageable(id, organizer);
        ticketTypes.close(id, typeId, organizer);
        TicketType closed = ticketTypes.manageable(id, organizer).stream()
                .filter(type -> type.getId() == typeId).findFirst()
                .orElseThrow(() -> new NotFound("event", id));
        return TicketTypeView.of(closed, event, clock.instant(), true);
    }
}
