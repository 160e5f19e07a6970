package org.guichet.registration.web;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.registration.RegistrationProblem;
import org.guichet.registration.TicketTypes;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /dashboard/events/{id}/tickets: the organizer adds, changes, closes and removes an event's ticket types. */
@Controller
class TicketTypeController {

    private static final String VIEW = "registration/types";

    private final TicketTypes ticketTypes;
    private final EventService events;

    TicketTypeController(TicketTypes ticketTypes, EventService events) {
        this.ticketTypes = ticketTypes;
        this.events = events;
    }

    @GetMapping("/dashboard/events/{id}/tickets")
    String list(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer, Model model) {
        return page(id, organizer, model, new TicketTypeForm(), null);
    }

    @PostMapping("/dashboard/events/{id}/tickets")
    String add(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            @ModelAttribute("form") TicketTypeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Event event = events.manageable(id, organizer);
        if (result.hasErrors()) {
            return page(id, organizer, model, form, "typeMismatch");
        }
        try {
            ticketTypes.add(id, organizer, form.toDetails(event.getZone()));
        } catch (RegistrationProblem problem) {
            model.addAttribute("problemArguments", problem.arguments());
            return page(id, organizer, model, form, problem.messageKey());
        }
        redirect.addFlashAttribute("saved", "ticketType.added");
        return "redirect:/dashboard/events/" + id + "/tickets";
    }

    @PostMapping("/dashboard/events/{id}/tickets/{typeId}")
    String change(@PathVariable long id, @PathVariable long typeId,
            @AuthenticationPrincipal AccountPrincipal organizer, @ModelAttribute("changed") TicketTypeForm form,
            BindingResult result, RedirectAttributes redirect) {
        Event event = events.manageable(id, organizer);
        return act(id, redirect, "ticketType.saved", () -> {
            if (result.hasErrors()) {
                throw new RegistrationProblem("typeMismatch");
            }
            ticketTypes.change(id, typeId, organizer, form.toDetails(event.getZone()));
        });
    }

    @PostMapping("/dashboard/events/{id}/tickets/{typeId}/close")
    String close(@PathVariable long id, @PathVariable long typeId,
            @AuthenticationPrincipal AccountPrincipal organizer, RedirectAttributes redirect) {
        return act(id, redirect, "ticketType.closed", () -> ticketTypes.close(id, typeId, organizer));
    }

    @PostMapping("/dashboard/events/{id}/tickets/{typeId}/reopen")
    String reopen(@PathVariable long id, @PathVariable long typeId,
            @AuthenticationPrincipal AccountPrincipal organizer, RedirectAttributes redirect) {
        return act(id, redirect, "ticketType.reopened", () -> ticketTypes.reopen(id, typeId, organizer));
    }

    @PostMapping("/dashboard/events/{id}/tickets/{typeId}/delete")
    String remove(@PathVariable long id, @PathVariable long typeId,
            @AuthenticationPrincipal AccountPrincipal organizer, RedirectAttributes redirect) {
        return act(id, redirect, "ticketType.removed", () -> ticketTypes.remove(id, typeId, organizer));
    }

    private String act(long id, RedirectAttributes redirect, String savedKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", savedKey);
        } catch (RegistrationProblem problem) {
            redirect.addFlashAttribute("problem", problem.messageKey());
            redirect.addFlashAttribute("problemArguments", problem.arguments());
        }
        return "redirect:/dashboard/events/" + id + "/tickets";
    }

    private String page(long id, AccountPrincipal organizer, Model model, TicketTypeForm form, String problem) {
        Event event = events.manageable(id, organizer);
        model.addAttribute("event", event);
        model.addAttribute("types", ticketTypes.manageable(id, organizer));
        model.addAttribute("form", form);
        model.addAttribute("zone", event.getZone());
        if (problem != null) {
            model.addAttribute("problem", problem);
        }
        return VIEW;
    }
}
