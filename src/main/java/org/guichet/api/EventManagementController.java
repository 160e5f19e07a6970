package org.guichet.api;

import java.io.IOException;
import java.net.URI;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.Event;
import org.guichet.event.EventPictureLinks;
import org.guichet.event.EventService;
import org.guichet.media.ImageProcessor;
import org.guichet.media.ImageRejected;
import org.guichet.shared.AbsoluteLinks;
import org.guichet.shared.Refusal;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * What an organizer does to their events, as the dashboard does it: the account must be an organizer (403
 * otherwise) with a confirmed address, and another organizer's event does not exist (404).
 */
@RestController
@Tag(name = "Organizer events")
class EventManagementController {

    private final EventService events;
    private final ImageProcessor images;
    private final EventPictureLinks pictures;
    private final AbsoluteLinks links;

    EventManagementController(EventService events, ImageProcessor images, EventPictureLinks pictures,
            AbsoluteLinks links) {
        this.events = events;
        this.images = images;
        this.pictures = pictures;
        this.links = links;
    }

    @GetMapping(ApiPaths.V1 + "/me/events")
    @VerifiedAccount("read")
    @Operation(summary = "The organizer's own events, drafts included, by start")
    PageResponse<EventView> mine(@AuthenticationPrincipal AccountPrincipal organizer,
            @Valid @ParameterObject PageQuery paging) {
        return PageResponse.of(paging.of(events.organizedBy(organizer)), this::view);
    }

    @PostMapping(ApiPaths.V1 + "/events")
    @VerifiedAccount("write")
    @Operation(summary = "Create a draft event", description = "With one ticket type, Standard, at the price given "
            + "and up to the capacity. Publish it with POST /events/{id}/publish.")
    @ApiResponse(responseCode = "201", description = "The draft; Location is its address")
    ResponseEntity<EventView> create(@AuthenticationPrincipal AccountPrincipal organizer,
            @Valid @RequestBody EventRequest request) {
        Event event = events.create(organizer, request.toDetails(), null, false);
        return ResponseEntity.created(URI.create(ApiPaths.V1 + "/events/" + event.getId())).body(view(event));
    }

    @PutMapping(ApiPaths.V1 + "/events/{id}")
    @VerifiedAccount("write")
    @Operation(summary = "Change an event's details (all of them, as the form sends them)",
            description = "Ticket holders are told when its date or place changes, as on the web.")
    EventView update(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            @Valid @RequestBody EventRequest request) {
        return view(events.update(id, organizer, request.toDetails(), null));
    }

    @DeleteMapping(ApiPaths.V1 + "/events/{id}")
    @VerifiedAccount("write")
    @Operation(summary = "Delete an event nobody holds a ticket of",
            description = "One that has had tickets can only be cancelled: 409.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer) {
        events.delete(id, organizer);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(ApiPaths.V1 + "/events/{id}/publish")
    @VerifiedAccount("write")
    @Operation(summary = "Publish a draft that has not started", description = "Anything else: 409.")
    EventView publish(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer) {
        return view(events.publish(id, organizer));
    }

    @PostMapping(ApiPaths.V1 + "/events/{id}/cancel")
    @VerifiedAccount("write")
    @Operation(summary = "Cancel an event that is not over",
            description = "Ticket holders are told and refunded as on the web; cancelled already or over: 409.")
    EventView cancel(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer) {
        return view(events.cancel(id, organizer));
    }

    @PostMapping(ApiPaths.V1 + "/events/{id}/duplicate")
    @VerifiedAccount("write")
    @Operation(summary = "A new draft with the same details, picture and ticket types, none sold")
    @ApiResponse(responseCode = "201", description = "The copy; Location is its address")
    ResponseEntity<EventView> duplicate(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer) {
        Event copy = events.duplicate(id, organizer);
        return ResponseEntity.created(URI.create(ApiPaths.V1 + "/events/" + copy.getId())).body(view(copy));
    }

    @PutMapping(path = ApiPaths.V1 + "/events/{id}/image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @VerifiedAccount("write")
    @Operation(summary = "Replace the event's picture (multipart part \"image\": JPEG, PNG or WebP)",
            description = "Checked as the web form's upload: too large, not an image or too small is a 422 "
                    + "problem about the field image.")
    EventView image(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            @RequestPart(name = "image", required = false) MultipartFile image) throws IOException {
        byte[] upload;
        try {
            if (image == null || image.isEmpty()) {
                throw new ImageRejected("media.image.empty");
            }
            upload = images.readLimited(image.getInputStream());
        } catch (ImageRejected rejected) {
            throw Refusal.at("image", rejected.messageKey(), rejected.arguments());
        }
        return view(events.changeImage(id, organizer, upload));
    }

    private EventView view(Event event) {
        return EventView.of(event, links.base(), pictures, null);
    }
}
