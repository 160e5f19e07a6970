package org.guichet.webhook.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.guichet.account.AccountPrincipal;
import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
import org.guichet.webhook.WebhookEndpoint;
import org.guichet.webhook.WebhookEndpoints;
import org.guichet.webhook.WebhookEventType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /dashboard/webhooks: an organizer's endpoints (list and the form to add one), and one endpoint's page (its
 * settings, the secret just made, switching off and on, a new secret, removing, recent deliveries and resending).
 */
@Controller
class WebhookEndpointController {

    private static final String LIST = "webhook/endpoints";
    private static final String PAGE = "webhook/endpoint";

    private final WebhookEndpoints webhooks;

    WebhookEndpointController(WebhookEndpoints webhooks) {
        this.webhooks = webhooks;
    }

    @ModelAttribute("eventTypes")
    WebhookEventType[] eventTypes() {
        return WebhookEventType.values();
    }

    @ModelAttribute("utc")
    UtcTimes utc() {
        return new UtcTimes();
    }

    @GetMapping("/dashboard/webhooks")
    String list(@AuthenticationPrincipal AccountPrincipal organizer, Model model) {
        WebhookForm form = new WebhookForm();
        form.setEventTypes(List.of(WebhookEventType.ORDER_CONFIRMED.wireName()));
        return list(organizer, model, form);
    }

    @PostMapping("/dashboard/webhooks")
    String add(@AuthenticationPrincipal AccountPrincipal organizer, @ModelAttribute("form") WebhookForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            result.reject("typeMismatch");
            return list(organizer, model, form);
        }
        try {
            WebhookEndpoints.Created created = webhooks.create(organizer, form.toDetails());
            redirect.addFlashAttribute("secret", created.secret());
            redirect.addFlashAttribute("saved", "webhook.added");
            return "redirect:/dashboard/webhooks/" + created.endpoint().getId();
        } catch (Refusal refused) {
            Refusals.bind(result, refused);
            return list(organizer, model, form);
        }
    }

    @GetMapping("/dashboard/webhooks/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer, Model model) {
        WebhookEndpoint endpoint = webhooks.manageable(id, organizer);
        return page(endpoint, organizer, model, WebhookForm.of(endpoint));
    }

    @PostMapping("/dashboard/webhooks/{id}")
    String change(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            @ModelAttribute("form") WebhookForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        WebhookEndpoint endpoint = webhooks.manageable(id, organizer);
        if (result.hasErrors()) {
            result.reject("typeMismatch");
            return page(endpoint, organizer, model, form);
        }
        try {
            webhooks.change(id, organizer, form.toDetails());
        } catch (Refusal refused) {
            Refusals.bind(result, refused);
            return page(endpoint, organizer, model, form);
        }
        redirect.addFlashAttribute("saved", "webhook.saved");
        return "redirect:/dashboard/webhooks/" + id;
    }

    @PostMapping("/dashboard/webhooks/{id}/disable")
    String disable(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            RedirectAttributes redirect) {
        return act(id, redirect, "webhook.disabled", () -> webhooks.disable(id, organizer));
    }

    @PostMapping("/dashboard/webhooks/{id}/enable")
    String enable(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            RedirectAttributes redirect) {
        return act(id, redirect, "webhook.enabled", () -> webhooks.enable(id, organizer));
    }

    @PostMapping("/dashboard/webhooks/{id}/secret")
    String rotate(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            RedirectAttributes redirect) {
        return act(id, redirect, "webhook.secretRotated",
                () -> redirect.addFlashAttribute("secret", webhooks.rotateSecret(id, organizer)));
    }

    @PostMapping("/dashboard/webhooks/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            RedirectAttributes redirect) {
        webhooks.delete(id, organizer);
        redirect.addFlashAttribute("saved", "webhook.deleted");
        return "redirect:/dashboard/webhooks";
    }

    @PostMapping("/dashboard/webhooks/{id}/deliveries/{deliveryId}/resend")
    String resend(@PathVariable long id, @PathVariable long deliveryId,
            @AuthenticationPrincipal AccountPrincipal organizer, RedirectAttributes redirect) {
        return act(id, redirect, "webhook.resent", () -> webhooks.resend(id, deliveryId, organizer));
    }

    private String act(long id, RedirectAttributes redirect, String savedKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", savedKey);
        } catch (Refusal refused) {
            Refusals.flash(redirect, refused);
        }
        return "redirect:/dashboard/webhooks/" + id;
    }

    private String list(AccountPrincipal organizer, Model model, WebhookForm form) {
        model.addAttribute("endpoints", webhooks.ownedBy(organizer));
        model.addAttribute("events", webhooks.eventsOf(organizer.id()));
        model.addAttribute("form", form);
        return LIST;
    }

    private String page(WebhookEndpoint endpoint, AccountPrincipal organizer, Model model, WebhookForm form) {
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("events", webhooks.eventsOf(endpoint.getOwnerId()));
        model.addAttribute("deliveries", webhooks.recentDeliveries(endpoint.getId(), organizer));
        model.addAttribute("form", form);
        return PAGE;
    }

    /** Instants as these pages show them (an endpoint serves many events, so no one event's zone). */
    public static final class UtcTimes {

        private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                .withZone(ZoneOffset.UTC);

        public String of(Instant instant) {
            return instant == null ? "—" : FORMAT.format(instant);
        }
    }
}
