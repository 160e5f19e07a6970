package org.guichet.registration.web;

import java.math.BigDecimal;
import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.event.MoneyInput;
import org.guichet.registration.TicketType;
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
    String list(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer, Model model,
            Locale locale) {
        return page(id, organizer, model, locale, new TicketTypeForm(), null);
    }

    @PostMapping("/dashboard/events/{id}/tickets")
    String add(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            @ModelAttribute("form") TicketTypeForm form, BindingResult result, Model model, Locale locale,
            RedirectAttributes redirect) {
        Event event = events.manageable(id, organizer);
        BigDecimal price = readPrice(form, result, locale);
        if (result.hasFieldErrors("price")) {
            return page(id, organizer, model, locale, form, null);
        }
        if (result.hasErrors()) {
            return page(id, organizer, model, locale, form, new Refusal("typeMismatch"));
        }
        try {
            ticketTypes.add(id, organizer, form.toDetails(event.getZone(), price));
        } catch (Refusal problem) {
            return page(id, organizer, model, locale, form, problem);
        }
        redirect.addFlashAttribute("saved", "ticketType.added");
        return "redirect:/dashboard/events/" + id + "/tickets";
    }

    @PostMapping("/dashboard/events/{id}/tickets/{typeId}")
    String change(@PathVariable long id, @PathVariable long typeId,
            @AuthenticationPrincipal AccountPrincipal organizer, @ModelAttribute("changed") TicketTypeForm form,
            BindingResult result, Model model, Locale locale, RedirectAttributes redirect) {
        Event event = events.manageable(id, organizer);
        BigDecimal price = readPrice(form, result, locale);
        if (result.hasFieldErrors("price")) {
            model.addAttribute("changedId", typeId);
            return page(id, organizer, model, locale, new TicketTypeForm(), null);
        }
        return act(id, redirect, "ticketType.saved", () -> {
            if (result.hasErrors()) {
                throw new Refusal("typeMismatch");
            }
            ticketTypes.change(id, typeId, organizer, form.toDetails(event.getZone(), price));
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
        } catch (Refusal problem) {
            Refusals.flash(redirect, problem);
        }
        return "redirect:/dashboard/events/" + id + "/tickets";
    }

    /** The price typed in the reader's format; refused next to the field, and kept as typed, when it is not clear. */
    private static BigDecimal readPrice(TicketTypeForm form, BindingResult result, Locale locale) {
        try {
            return MoneyInput.parse(form.getPrice(), locale);
        } catch (MoneyInput.Rejected rejected) {
            result.rejectValue("price", rejected.messageKey(), rejected.arguments(), null);
            return null;
        }
    }

    /**
     * The page with a form per type, as saved; a type whose change was just refused ({@code changedId} in the
     * model) shows what was typed, with the refusal next to its field.
     */
    private String page(long id, AccountPrincipal organizer, Model model, Locale locale, TicketTypeForm form,
            Refusal problem) {
        Event event = events.manageable(id, organizer);
        List<TicketType> types = ticketTypes.manageable(id, organizer);
        Map<Long, TicketTypeForm> forms = new LinkedHashMap<>();
        types.forEach(type -> forms.put(type.getId(), TicketTypeForm.of(type, event.getZone(), locale)));
        if (model.getAttribute("changedId") instanceof Long changedId
                && model.getAttribute("changed") instanceof TicketTypeForm changed) {
            forms.put(changedId, changed);
        }
        model.addAttribute("event", event);
        model.addAttribute("types", types);
        model.addAttribute("forms", forms);
        model.addAttribute("form", form);
        model.addAttribute("zone", event.getZone());
        if (problem != null) {
            Refusals.show(model, problem);
        }
        return VIEW;
    }
}
