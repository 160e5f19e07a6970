package org.guichet.event.web;

import java.io.IOException;
import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.event.Money;
import org.guichet.event.MoneyInput;
import org.guichet.event.Reminder;
import org.guichet.limits.RateLimit;
import org.guichet.limits.RateLimited;
import org.guichet.media.ImageProcessor;
import org.guichet.media.ImageRejected;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organizer's actions on their events: the event form and every change to one event. The pages that list them
 * with their figures are the dashboard module's.
 */
@Controller
class OrganizerEventController {

    private static final String FORM = "event/form";
    private static final String SAVED = "saved";

    private final EventService events;
    private final ImageProcessor images;

    OrganizerEventController(EventService events, ImageProcessor images) {
        this.events = events;
        this.images = images;
    }

    @GetMapping("/dashboard/events/new")
    String newEvent(Model model) {
        return form(model, new EventForm(), null);
    }

    @PostMapping("/dashboard/events/new")
    String create(@AuthenticationPrincipal AccountPrincipal organizer, @Valid @ModelAttribute("form") EventForm form,
            BindingResult result, @RequestParam(name = "image", required = false) MultipartFile image,
            @RequestParam(name = "publish", defaultValue = "false") boolean publish, Model model, Locale locale,
            RedirectAttributes redirect) throws IOException {
        if (!checkTimeZone(form, result)) {
            return form(model, form, null);
        }
        BigDecimal price = readPrice(form, result, locale);
        Set<Reminder> reminders = readReminders(form, result);
        if (reminders == null) {
            return form(model, form, null);
        }
        try {
            byte[] upload = read(image);
            Event event = events.create(organizer, form.toDetails(price, reminders), upload, publish);
            redirect.addFlashAttribute(SAVED, publish ? "event.published" : "event.created");
            return "redirect:/dashboard/events/" + event.getId();
        } catch (Refusal problem) {
            show(problem, result, model);
        } catch (ImageRejected rejected) {
            showImageError(model, rejected.messageKey(), rejected.arguments());
        }
        return form(model, form, null);
    }

    @GetMapping("/dashboard/events/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer, Model model,
            Locale locale) {
        Event event = events.manageable(id, organizer);
        return form(model, EventForm.of(event, locale), event);
    }

    @PostMapping("/dashboard/events/{id}/edit")
    String update(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            @Valid @ModelAttribute("form") EventForm form, BindingResult result,
            @RequestParam(name = "image", required = false) MultipartFile image, Model model, Locale locale,
            RedirectAttributes redirect) throws IOException {
        Event event = events.manageable(id, organizer);
        if (!checkTimeZone(form, result)) {
            return form(model, form, event);
        }
        // with several ticket types the form shows no price field: their prices are set on the types' page
        BigDecimal price = event.getTicketTypeCount() == 1 ? readPrice(form, result, locale) : null;
        Set<Reminder> reminders = readReminders(form, result);
        if (reminders == null) {
            return form(model, form, event);
        }
        try {
            events.update(id, organizer, form.toDetails(price, reminders), read(image));
            redirect.addFlashAttribute(SAVED, "event.updated");
            return "redirect:/dashboard/events/" + id;
        } catch (Refusal problem) {
            show(problem, result, model);
        } catch (ImageRejected rejected) {
            showImageError(model, rejected.messageKey(), rejected.arguments());
        }
        return form(model, form, event);
    }

    @PostMapping("/dashboard/events/{id}/publish")
    String publish(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            RedirectAttributes redirect) {
        return act(id, redirect, "event.published", () -> events.publish(id, organizer));
    }

    @PostMapping("/dashboard/events/{id}/cancel")
    String cancel(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            RedirectAttributes redirect) {
        return act(id, redirect, "event.cancelled", () -> events.cancel(id, organizer));
    }

    @PostMapping("/dashboard/events/{id}/private-link")
    String renewPrivateLink(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            RedirectAttributes redirect) {
        return act(id, redirect, "event.privateLink.renewed", () -> events.renewPrivateLink(id, organizer));
    }

    @PostMapping("/dashboard/events/{id}/duplicate")
    String duplicate(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            RedirectAttributes redirect) {
        Event copy = events.duplicate(id, organizer);
        redirect.addFlashAttribute(SAVED, "event.duplicated");
        return "redirect:/dashboard/events/" + copy.getId() + "/edit";
    }

    @PostMapping("/dashboard/events/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            RedirectAttributes redirect) {
        try {
            events.delete(id, organizer);
            redirect.addFlashAttribute(SAVED, "event.deleted");
            return "redirect:/dashboard";
        } catch (Refusal problem) {
            Refusals.flash(redirect, problem);
            return "redirect:/dashboard/events/" + id;
        }
    }

    @PostMapping("/dashboard/events/{id}/invitations")
    @RateLimited(RateLimit.INVITATION)
    String invite(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            @RequestParam(defaultValue = "") String email, RedirectAttributes redirect) {
        try {
            events.invite(id, organizer, email);
            redirect.addFlashAttribute(SAVED, "event.invitation.sent");
        } catch (Refusal problem) {
            redirect.addFlashAttribute("invitationProblem", problem.messageKey());
            redirect.addFlashAttribute("invitationEmail", email);
        }
        return "redirect:/dashboard/events/" + id + "#invitations";
    }

    private String act(long id, RedirectAttributes redirect, String savedKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute(SAVED, savedKey);
        } catch (Refusal problem) {
            Refusals.flash(redirect, problem);
        }
        return "redirect:/dashboard/events/" + id;
    }

    private String form(Model model, EventForm form, Event event) {
        model.addAttribute("form", form);
        model.addAttribute("event", event);
        model.addAttribute("categories", events.categories());
        model.addAttribute("timeZones", EventForm.TIME_ZONES);
        model.addAttribute("currencies", Money.CURRENCIES);
        model.addAttribute("reminderChoices", Reminder.values());
        return FORM;
    }

    /**
     * The price typed in the reader's format; when it is not clear it is refused next to the field and kept as
     * typed, and the service's other refusals are still shown beside theirs.
     */
    private static BigDecimal readPrice(EventForm form, BindingResult result, Locale locale) {
        try {
            return MoneyInput.parse(form.getPrice(), locale);
        } catch (MoneyInput.Rejected rejected) {
            result.rejectValue("price", rejected.messageKey(), rejected.arguments(), null);
            return null;
        }
    }

    /**
     * The reminders ticked, or null when a name is none of the choices (a forged or outdated form): then it is
     * refused beside the field and nothing is saved.
     */
    private static Set<Reminder> readReminders(EventForm form, BindingResult result) {
        Set<Reminder> reminders = Reminder.parse(form.getReminders());
        if (reminders == null) {
            result.rejectValue("reminders", "event.error.reminders");
        }
        return reminders;
    }

    private static boolean checkTimeZone(EventForm form, BindingResult result) {
        if (!form.hasValidTimeZone()) {
            result.rejectValue("timeZone", "event.error.timeZone");
        }
        return !result.hasErrors();
    }

    private static void show(Refusal problem, BindingResult result, Model model) {
        for (Refusal.Reason violation : problem.reasons()) {
            if ("image".equals(violation.field())) {
                showImageError(model, violation.messageKey(), violation.arguments());
            } else if (violation.field() == null) {
                result.reject(violation.messageKey(), violation.arguments(), null);
            } else if (!result.hasFieldErrors(violation.field())) {
                result.rejectValue(violation.field(), violation.messageKey(), violation.arguments(), null);
            }
        }
    }

    private static void showImageError(Model model, String key, Object[] arguments) {
        model.addAttribute("imageError", key);
        model.addAttribute("imageErrorArguments", arguments);
    }

    private byte[] read(MultipartFile image) throws IOException, ImageRejected {
        if (image == null || image.isEmpty()) {
            return null;
        }
        return images.readLimited(image.getInputStream());
    }
}
