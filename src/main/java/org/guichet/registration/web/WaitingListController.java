package org.guichet.registration.web;

import java.util.Map;

import org.guichet.account.AccountPrincipal;
import org.guichet.registration.CheckoutPort;
import org.guichet.registration.Order;
import org.guichet.registration.OrderStatus;
import org.guichet.registration.WaitingLists;
import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
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

    private final WaitingLists waitingLists;
    private final CheckoutPort checkouts;

    WaitingListController(WaitingLists waitingLists, CheckoutPort checkouts) {
        this.waitingLists = waitingLists;
        this.checkouts = checkouts;
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
            waitingLists.join(user, id, key, type);
            redirect.addFlashAttribute("waitlistSaved", "waitlist.joined");
        } catch (Refusal refusal) {
            Refusals.flash(redirect, refusal);
        }
        return "redirect:" + eventPage(id, key);
    }

    @PostMapping("/waitlist/{entryId}/leave")
    String leave(@PathVariable long entryId, @RequestParam long eventId,
            @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        waitingLists.leave(user, entryId);
        redirect.addFlashAttribute("waitlistSaved", "waitlist.left");
        return "redirect:" + eventPage(eventId, null);
    }

    @PostMapping("/waitlist/{entryId}/claim")
    String claim(@PathVariable long entryId, @RequestParam long eventId,
            @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        try {
            Order order = waitingLists.claim(user, entryId);
            if (order.getStatus() == OrderStatus.PENDING_PAYMENT) {
                return RegistrationController.toCheckout(checkouts, user, order, redirect);
            }
            redirect.addFlashAttribute("registered", order.getReference());
            return "redirect:/tickets";
        } catch (Refusal refusal) {
            Refusals.flash(redirect, refusal);
            return "redirect:" + eventPage(eventId, null);
        }
    }

    private static String eventPage(long id, String key) {
        UriComponentsBuilder page = UriComponentsBuilder.fromPath("/events/{id}");
        if (key != null) {
            page.queryParam("key", "{key}");
        }
        // the key is a URI variable: braces typed in it stay text, never a template to expand
        return page.encode().buildAndExpand(Map.of("id", id, "key", key == null ? "" : key))
                .toUriString() + "#register";
    }
}
