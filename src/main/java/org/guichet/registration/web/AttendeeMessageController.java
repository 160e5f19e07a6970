package org.guichet.registration.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.limits.RateLimit;
import org.guichet.limits.RateLimited;
import org.guichet.limits.RetryWords;
import org.guichet.limits.TooManyRequests;
import org.guichet.registration.AttendeeMessages;
import org.guichet.registration.MessageAudience;
import org.guichet.registration.TicketType;
import org.guichet.registration.TicketTypes;
import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /dashboard/events/{id}/attendees/message: the organizer writes to the holders of the event's valid tickets (all,
 * one ticket type's, or those not checked in yet), sees the mail as they will and how many will get it, then sends.
 * Only the previewed message can be sent: the Send button carries what the preview showed.
 */
@Controller
class AttendeeMessageController {

    private static final String VIEW = "registration/message";

    private final AttendeeMessages messages;
    private final EventService events;
    private final TicketTypes ticketTypes;

    AttendeeMessageController(AttendeeMessages messages, EventService events, TicketTypes ticketTypes) {
        this.messages = messages;
        this.events = events;
        this.ticketTypes = ticketTypes;
    }

    /** One choice of the audience list: its form value, message key and the key's argument (a type's name). */
    public record AudienceChoice(String value, String messageKey, String argument) {
    }

    @GetMapping("/dashboard/events/{id}/attendees/message")
    String write(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            @RequestParam(required = false) String audience, Model model) {
        Event event = events.manageable(id, organizer);
        AttendeeMessageForm form = new AttendeeMessageForm();
        if (MessageAudience.parse(audience) != null) {
            form.setAudience(audience);
        }
        return page(event, form, model);
    }

    @PostMapping("/dashboard/events/{id}/attendees/message/preview")
    String preview(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            @ModelAttribute("form") AttendeeMessageForm form, BindingResult result, Model model) {
        Event event = events.manageable(id, organizer);
        try {
            model.addAttribute("preview", messages.preview(id, organizer, form.getAudience(), form.getSubject(),
                    form.getText()));
        } catch (Refusal problem) {
            Refusals.bind(result, problem);
        }
        return page(event, form, model);
    }

    @PostMapping("/dashboard/events/{id}/attendees/message")
    @RateLimited(RateLimit.ATTENDEE_MAIL)
    String send(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            @ModelAttribute("form") AttendeeMessageForm form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Event event = events.manageable(id, organizer);
        try {
            AttendeeMessages.Sent sent = messages.send(id, organizer, form.getAudience(), form.getSubject(),
                    form.getText());
            redirect.addFlashAttribute("messageWritten", sent.written());
            redirect.addFlashAttribute("messageSkipped", sent.skipped());
            return "redirect:/dashboard/events/" + id + "/attendees";
        } catch (Refusal problem) {
            Refusals.bind(result, problem);
        } catch (TooManyRequests limited) {
            // the event's own limit, known once access is checked: the form comes back with what was typed
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, limited.retryAfterSeconds());
            Refusals.show(model, new Refusal("attendees.message.limited", RetryWords.of(limited.retryAfter())));
            model.addAttribute("preview", messages.preview(id, organizer, form.getAudience(), form.getSubject(),
                    form.getText()));
        }
        return page(event, form, model);
    }

    private String page(Event event, AttendeeMessageForm form, Model model) {
        List<AudienceChoice> audiences = new ArrayList<>();
        audiences.add(new AudienceChoice(MessageAudience.ALL.value(), "attendees.message.audience.all", null));
        audiences.add(new AudienceChoice(MessageAudience.NOT_CHECKED_IN.value(),
                "attendees.message.audience.notCheckedIn", null));
        for (TicketType type : ticketTypes.of(event.getId())) {
            audiences.add(new AudienceChoice(MessageAudience.ofType(type.getId()).value(),
                    "attendees.message.audience.type", type.getName()));
        }
        model.addAttribute("event", event);
        model.addAttribute("form", form);
        model.addAttribute("audiences", audiences);
        model.addAttribute("maxSubject", AttendeeMessages.MAX_SUBJECT);
        model.addAttribute("maxText", AttendeeMessages.MAX_TEXT);
        return VIEW;
    }
}
