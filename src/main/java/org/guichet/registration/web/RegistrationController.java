package org.guichet.registration.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.registration.Order;
import org.guichet.registration.OrderStatus;
import org.guichet.registration.RegistrationProblem;
import org.guichet.registration.RegistrationService;
import org.guichet.registration.SoldOut;
import org.guichet.registration.TicketTypes;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Registering from an event's page. Signed in, one click registers. A visitor's choice travels in the URL of
 * {@code GET /events/{id}/register} through sign-in, and comes back as a page to confirm it.
 */
@Controller
class RegistrationController {

    static final String QUANTITY = "qty-";

    private final RegistrationService registrations;
    private final EventService events;
    private final TicketTypes ticketTypes;

    RegistrationController(RegistrationService registrations, EventService events, TicketTypes ticketTypes) {
        this.registrations = registrations;
        this.events = events;
        this.ticketTypes = ticketTypes;
    }

    @GetMapping("/events/{id}/register")
    String confirm(@PathVariable long id, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal AccountPrincipal user, Model model) {
        String key = params.get("key");
        Event event = events.viewable(id, key, user);
        model.addAttribute("event", event);
        model.addAttribute("key", key);
        model.addAttribute("types", ticketTypes.of(id));
        Map<Long, Integer> chosen;
        try {
            chosen = quantities(params);
        } catch (RegistrationProblem unreadable) {
            chosen = Map.of();
        }
        model.addAttribute("chosen", chosen);
        return "registration/confirm";
    }

    @PostMapping("/events/{id}/register")
    String register(@PathVariable long id, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        String key = params.get("key");
        try {
            Order order = registrations.register(user, id, key, quantities(params));
            if (order.getStatus() == OrderStatus.PENDING_PAYMENT) {
                return "redirect:/orders/" + order.getId() + "/pay";
            }
            redirect.addFlashAttribute("registered", order.getReference());
            return "redirect:/tickets";
        } catch (SoldOut soldOut) {
            redirect.addFlashAttribute("registrationProblem", "registration.error.soldOut");
        } catch (RegistrationProblem problem) {
            redirect.addFlashAttribute("registrationProblem", problem.messageKey());
            redirect.addFlashAttribute("registrationProblemArguments", problem.arguments());
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/events/{id}");
        if (key != null) {
            back.queryParam("key", key);
        }
        return "redirect:" + back.buildAndExpand(id).encode().toUriString() + "#register";
    }

    @PostMapping("/orders/{id}/cancel")
    String cancel(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        try {
            Order order = registrations.cancel(user, id);
            redirect.addFlashAttribute("cancelled", order.getReference());
        } catch (RegistrationProblem problem) {
            redirect.addFlashAttribute("ticketProblem", problem.messageKey());
        }
        return "redirect:/tickets";
    }

    /** {@code qty-12=2} means two tickets of type 12; anything unreadable counts as a wrong quantity. */
    static Map<Long, Integer> quantities(Map<String, String> params) {
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith(QUANTITY)) {
                try {
                    int count = value == null || value.isBlank() ? 0 : Integer.parseInt(value.strip());
                    quantities.put(Long.parseLong(name.substring(QUANTITY.length())), count);
                } catch (NumberFormatException e) {
                    throw new RegistrationProblem("registration.error.quantity");
                }
            }
        });
        return quantities;
    }
}
