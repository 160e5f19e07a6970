package org.guichet.registration.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.event.Money;
import org.guichet.registration.CheckoutPort;
import org.guichet.registration.Order;
import org.guichet.registration.OrderStatus;
import org.guichet.registration.ParticipantOrders;
import org.guichet.registration.Registration;
import org.guichet.registration.TicketType;
import org.guichet.registration.TicketTypes;
import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
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
 * {@code GET /events/{id}/register} through sign-in, and comes back as a page to confirm it. That page (also reached
 * from the event page's "tickets for other people" button) has a row per ticket to say who it is for: a name and
 * an email address, both optional; a row refused is shown again beside its field, with everything typed.
 */
@Controller
class RegistrationController {

    static final String QUANTITY = "qty-";
    /** Sent by the event page's second button: show the choice with its attendee rows, register nothing yet. */
    static final String ATTENDEES_FIRST = "attendeesFirst";

    private final ParticipantOrders orders;
    private final CheckoutPort checkouts;
    private final EventService events;
    private final TicketTypes ticketTypes;

    RegistrationController(ParticipantOrders orders, CheckoutPort checkouts, EventService events,
            TicketTypes ticketTypes) {
        this.orders = orders;
        this.checkouts = checkouts;
        this.events = events;
        this.ticketTypes = ticketTypes;
    }

    @GetMapping("/events/{id}/register")
    String confirm(@PathVariable long id, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal AccountPrincipal user, Model model) {
        String key = params.get("key");
        Event event = events.viewable(id, key, user);
        Map<Long, Integer> chosen;
        try {
            chosen = quantities(params);
        } catch (Refusal unreadable) {
            chosen = Map.of();
        }
        return confirmPage(event, key, chosen, List.of(), Map.of(), model);
    }

    @PostMapping("/events/{id}/register")
    String register(@PathVariable long id, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal AccountPrincipal user, Model model, RedirectAttributes redirect) {
        String key = params.get("key");
        Map<Long, Integer> chosen = Map.of();
        List<AttendeeRow> rows = List.of();
        try {
            chosen = quantities(params);
            if (params.containsKey(ATTENDEES_FIRST)) {
                // the event page's "for other people" button: the same choice, with a row per ticket to fill in
                return confirmPage(events.viewable(id, key, user), key, chosen, List.of(), Map.of(), model);
            }
            rows = AttendeeRow.typed(chosen, params);
            Registration registration = orders.register(user, id, key, chosen,
                    rows.stream().map(AttendeeRow::details).toList());
            Order order = registration.order();
            if (order.getStatus() == OrderStatus.PENDING_PAYMENT) {
                if (registration.resumed()) {
                    // Said on the order's page, which shows what is held and offers to pay it.
                    redirect.addFlashAttribute("resumed", order.getReference());
                    return "redirect:/orders/" + order.getId() + "/pay";
                }
                return toCheckout(user, order, redirect);
            }
            redirect.addFlashAttribute("registered", order.getReference());
            return "redirect:/tickets";
        } catch (Refusal refusal) {
            Map<String, String> problems = AttendeeRow.problems(rows, refusal);
            if (!problems.isEmpty()) {
                // the attendees' details typed on the confirmation page: shown again, each problem beside its field
                return confirmPage(events.viewable(id, key, user), key, chosen, rows, problems, model);
            }
            Refusals.flash(redirect, refusal);
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/events/{id}");
        if (key != null) {
            back.queryParam("key", "{key}");
        }
        // the key is a URI variable: braces typed in it stay text, never a template to expand
        return "redirect:" + back.encode().buildAndExpand(Map.of("id", id, "key", key == null ? "" : key))
                .toUriString() + "#register";
    }

    /**
     * The page that confirms a choice of tickets, with a row per chosen ticket to say who it is for: the rows
     * typed (kept as typed, with their problems) or blank ones.
     */
    private String confirmPage(Event event, String key, Map<Long, Integer> chosen, List<AttendeeRow> typed,
            Map<String, String> problems, Model model) {
        List<TicketType> types = ticketTypes.of(event.getId());
        model.addAttribute("event", event);
        model.addAttribute("key", key);
        model.addAttribute("types", types);
        model.addAttribute("chosen", chosen);
        model.addAttribute("attendees", AttendeeRow.forChoice(types, chosen, typed));
        model.addAttribute("attendeeProblems", problems);
        return "registration/confirm";
    }

    @PostMapping("/orders/{id}/cancel")
    String cancel(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("cancelled", orders.cancel(user, id).getReference());
        } catch (Refusal refusal) {
            Refusals.flash(redirect, refusal);
        }
        return "redirect:/tickets";
    }

    /** A paid order cancelled before the event's refund deadline: refunded in full. */
    @PostMapping("/orders/{id}/refund")
    String refund(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        try {
            Order refunded = orders.cancelForRefund(user, id);
            redirect.addFlashAttribute("cancelled", refunded.getReference());
            redirect.addFlashAttribute("refunded", Money.format(refunded.getTotal(), refunded.getCurrency(),
                    refunded.getLanguage()));
        } catch (Refusal refusal) {
            Refusals.flash(redirect, refusal);
        }
        return "redirect:/tickets";
    }

    /**
     * Straight to the gateway's page; if it cannot be opened now, to the order's payment page, which says why and
     * offers to try again.
     */
    static String toCheckout(CheckoutPort checkouts, AccountPrincipal user, Order order, RedirectAttributes redirect) {
        try {
            return "redirect:" + checkouts.checkoutUrl(user, order.getId());
        } catch (Refusal refusal) {
            Refusals.flash(redirect, refusal);
            return "redirect:/orders/" + order.getId() + "/pay";
        }
    }

    private String toCheckout(AccountPrincipal user, Order order, RedirectAttributes redirect) {
        return toCheckout(checkouts, user, order, redirect);
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
                    throw new Refusal("registration.error.quantity");
                }
            }
        });
        return quantities;
    }
}
