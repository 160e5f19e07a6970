package org.guichet.event.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.Role;
import org.guichet.event.CalendarFile;
import org.guichet.event.Event;
import org.guichet.event.EventAvailability;
import org.guichet.event.EventPageExtension;
import org.guichet.event.EventSearch;
import org.guichet.event.EventPictureLinks;
import org.guichet.event.EventService;
import org.guichet.event.Visibility;
import org.guichet.media.StoredImages;
import org.guichet.shared.AbsoluteLinks;
import org.guichet.shared.NotFound;
import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.Page;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public side: the listing with its filters, one event's page, its calendar file, the user's invitations. */
@Controller
class EventPageController {

    private final EventService events;
    private final List<EventPageExtension> extensions;
    private final StoredImages images;
    private final Clock clock;
    private final AbsoluteLinks links;

    EventPageController(EventService events, List<EventPageExtension> extensions, StoredImages images, Clock clock,
            AbsoluteLinks links) {
        this.events = events;
        this.images = images;
        this.extensions = extensions;
        this.clock = clock;
        this.links = links;
    }

    @GetMapping("/events")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
            @RequestParam(required = false) String city, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String price,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String page, Model model) {
        EventSearch search = EventSearch.parse(q, category, city, from, to, price, sort, page);
        Page<Event> results = events.search(search);
        model.addAttribute("search", search);
        model.addAttribute("results", results);
        model.addAttribute("categories", events.categories());
        return "event/list";
    }

    @GetMapping({"/events/{id}", "/events/{id}/{slug}"})
    String show(@PathVariable long id, @RequestParam(required = false) String key,
            @AuthenticationPrincipal AccountPrincipal viewer, Model model) {
        Event event = events.viewable(id, key, viewer);
        model.addAttribute("event", event);
        model.addAttribute("key", key);
        model.addAttribute("availability", EventAvailability.of(event, clock.instant()));
        model.addAttribute("canManage", viewer != null && (event.isOrganizedBy(viewer.id())
                || viewer.hasRole(Role.ADMIN)));
        extensions.forEach(extension -> model.addAllAttributes(extension.attributes(event, viewer)));
        return "event/detail";
    }

    @GetMapping("/events/{id}/calendar.ics")
    ResponseEntity<byte[]> calendar(@PathVariable long id, @RequestParam(required = false) String key,
            @AuthenticationPrincipal AccountPrincipal viewer) {
        Event event = events.viewable(id, key, viewer);
        // Only the event's own secret goes into the file: anything else typed as key stays out of it.
        boolean secretLink = key != null && event.getVisibility() == Visibility.PRIVATE
                && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                        event.getPrivateToken().getBytes(StandardCharsets.UTF_8));
        String url = links.base() + "/events/" + id + "/" + event.getSlug() + (secretLink ? "?key=" + key : "");
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename((event.getSlug().isEmpty() ? "event" : event.getSlug()) + ".ics").build().toString())
                .body(CalendarFile.of(event, url, clock.instant()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An event's picture ({@code card} or {@code banner}) for those who may see its page, on the same terms (the
     * secret link's {@code key} passed on): a public event's may be cached anywhere, any other's by this browser
     * only. {@code v} (see {@link EventPictureLinks}) only changes the address when the picture changes.
     */
    @GetMapping("/events/{id}/picture/{size}")
    ResponseEntity<Resource> picture(@PathVariable long id, @PathVariable String size,
            @RequestParam(required = false) String key, @AuthenticationPrincipal AccountPrincipal viewer) {
        Event event = events.viewable(id, key, viewer);
        String file = switch (size) {
            case EventPictureLinks.CARD -> event.getCardImageKey();
            case EventPictureLinks.BANNER -> event.getBannerImageKey();
            default -> throw new NotFound("picture", size);
        };
        return event.isOpenToEveryone() ? images.forEveryone(file) : images.forThisViewer(file);
    }

    @GetMapping("/invitations")
    String invitations(@AuthenticationPrincipal AccountPrincipal viewer, Model model) {
        model.addAttribute("events", events.invitationsOf(viewer));
        return "event/invitations";
    }

    /** An invitation mail's personal link: the invitation becomes this account's, then the event's page. */
    @GetMapping("/invitations/accept")
    String acceptInvitation(@RequestParam(required = false) String token,
            @AuthenticationPrincipal AccountPrincipal viewer, Model model, HttpServletResponse response) {
        try {
            return "redirect:/events/" + events.acceptInvitation(token, viewer).getId();
        } catch (Refusal problem) {
            Refusals.show(model, problem);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "event/invitation-link";
        }
    }
}
