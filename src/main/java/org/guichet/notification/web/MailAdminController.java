package org.guichet.notification.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.guichet.notification.MailDeliveryAdmin;
import org.guichet.notification.OutboxMessage;
import org.guichet.notification.OutboxStatus;
import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /admin/mail: the outbox's backlog, the failed mails and the failing addresses, for administrators; a failed mail
 * sent again, an address cleared. Times are shown in UTC: they are about servers, not about an event.
 */
@Controller
class MailAdminController {

    private static final String PAGE = "redirect:/admin/mail";

    private final MailDeliveryAdmin delivery;

    MailAdminController(MailDeliveryAdmin delivery) {
        this.delivery = delivery;
    }

    @GetMapping("/admin/mail")
    String show(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "0") int addresses,
            Model model) {
        MailDeliveryAdmin.Backlog backlog = delivery.backlog();
        Page<OutboxMessage> failed = delivery.failed(page);
        model.addAttribute("backlog", backlog);
        model.addAttribute("statuses", OutboxStatus.values());
        model.addAttribute("oldestDue", backlog.oldestDueAge().map(Age::of).orElse(null));
        model.addAttribute("failed", failed);
        model.addAttribute("toFailingAddresses", delivery.toFailingAddresses(failed.getContent()));
        model.addAttribute("failing", delivery.failingAddresses(addresses));
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("addresses", Math.max(addresses, 0));
        model.addAttribute("utc", new UtcTimes());
        return "notification/admin-mail";
    }

    @PostMapping("/admin/mail/{id}/retry")
    String retry(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "0") int addresses, RedirectAttributes redirect) {
        try {
            delivery.retry(id);
            redirect.addFlashAttribute("saved", "mail.admin.retried");
        } catch (Refusal refusal) {
            Refusals.flash(redirect, refusal);
        }
        return back(page, addresses, redirect);
    }

    @PostMapping("/admin/mail/addresses/clear")
    String clear(@RequestParam String address, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "0") int addresses, RedirectAttributes redirect) {
        try {
            delivery.clear(address);
            redirect.addFlashAttribute("saved", "mail.admin.cleared");
        } catch (Refusal refusal) {
            Refusals.flash(redirect, refusal);
        }
        return back(page, addresses, redirect);
    }

    private static String back(int page, int addresses, RedirectAttributes redirect) {
        if (page > 0) {
            redirect.addAttribute("page", page);
        }
        if (addresses > 0) {
            redirect.addAttribute("addresses", addresses);
        }
        return PAGE;
    }

    /** A waiting time, in the largest unit that keeps it readable: the message key and the amount. */
    public record Age(String key, long amount) {

        static Age of(Duration age) {
            long minutes = Math.max(age.toMinutes(), 0);
            if (minutes < 120) {
                return new Age("mail.admin.age.minutes", minutes);
            }
            long hours = age.toHours();
            return hours < 48 ? new Age("mail.admin.age.hours", hours) : new Age("mail.admin.age.days", age.toDays());
        }
    }

    /** Instants as the page shows them. */
    public static final class UtcTimes {

        private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(ZoneOffset.UTC);

        public String of(Instant instant) {
            return instant == null ? "—" : FORMAT.format(instant);
        }
    }
}
