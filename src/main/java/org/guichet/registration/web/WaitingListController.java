package org.guichet.registration.web;

import org.guichet.account.AccountPrincipal;
import org.guichet.registration.Order;
import org.guichet.registration.RegistrationProblem;
import org.guichet.registration.RegistrationService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Joining and leaving an event's waiting list, and taking the seat it offers. */
@Controller
class WaitingListController {

    private final RegistrationService registrations;

    WaitingListController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    /** Where a visitor lands after signing in to join: the event's page, with its button. */
    @GetMapping("/events/{id}/waitlist")
    String afterSignIn(@PathVariable long id, @RequestParam(required = false) String key) {
        return "redirect:" + eventPage(id, key);
    }

    @PostMapping("/events/{id}/waitlist")
    String join(@PathVariable long id, @RequestParam(required = false) String key,
            @RequestParam(required = false) Long type, @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect) {
        try {
            registrations.joinWaitingList(user, id, key, type);
            redirect.addFlashAttribute("waitlistSaved", "waitlist.joined");
        } catch (RegistrationProblem problem) {
            redirect.addFlashAttribute("registrationProblem", problem.messageKey());
        }
        return "redirect:" + eventPage(id, key);
    }

    @PostMapping("/waitlist/{entryId}/leave")
    String leave(@PathVariable long entryId, @RequestParam long eventId,
            @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        registrations.leaveWaitingList(user, entryId);
        redirect.addFlashAttribute("waitlistSaved", "waitlist.left");
        return "redirect:" + eventPage(eventId, null);
    }

    @PostMapping("/waitlist/{entryId}/claim")
    String claim(@PathVariable long entryId, @RequestParam long eventId,
            @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        try {
            Order order = registrations.claimOffer(user, entryId);
            redirect.addFlashAttribute("registered", order.getReference());
            return "redirect:/tickets";
        } catch (RegistrationProblem problem) {
            redirect.addFlashAttribute("registrationProblem", problem.messageKey());
            return "redirect:" + eventPage(eventId, null);
        }
    }

    private static String eventPage(long id, String key) {
        UriComponentsBuilder page = UriComponentsBuilder.fromPath("/events/{id}");
        if (key != null) {
            page.queryParam("key", key);
        }
        return page.buildAndExpand(id).encode().toUriString() + "#register";
    }
}
