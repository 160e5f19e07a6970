package org.guichet.account.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.UserAdmin;
import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /admin/users: administrators find accounts by name or address and, on an account's page, grant or take back the
 * organizer role and disable or enable it; the page shows the account's audit.
 */
@Controller
class UserAdminController {

    private final UserAdmin users;

    UserAdminController(UserAdmin users) {
        this.users = users;
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
            Model model) {
        Page<org.guichet.account.User> found = users.search(q, page);
        model.addAttribute("q", q);
        model.addAttribute("found", found);
        model.addAttribute("utc", new UtcTimes());
        return "account/admin-users";
    }

    @GetMapping("/admin/users/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal admin, Model model) {
        model.addAttribute("user", users.one(id));
        model.addAttribute("history", users.history(id));
        model.addAttribute("self", admin.id() == id);
        model.addAttribute("utc", new UtcTimes());
        return "account/admin-user";
    }

    @PostMapping("/admin/users/{id}/disable")
    String disable(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal admin,
            RedirectAttributes redirect) {
        return act(id, redirect, "account.admin.disabled", () -> users.disable(admin.id(), id));
    }

    @PostMapping("/admin/users/{id}/enable")
    String enable(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal admin,
            RedirectAttributes redirect) {
        return act(id, redirect, "account.admin.enabled", () -> users.enable(admin.id(), id));
    }

    @PostMapping("/admin/users/{id}/organizer/grant")
    String grantOrganizer(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal admin,
            RedirectAttributes redirect) {
        return act(id, redirect, "account.admin.organizerGranted", () -> users.grantOrganizer(admin.id(), id));
    }

    @PostMapping("/admin/users/{id}/organizer/remove")
    String removeOrganizer(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal admin,
            RedirectAttributes redirect) {
        return act(id, redirect, "account.admin.organizerRemoved", () -> users.removeOrganizer(admin.id(), id));
    }

    private static String act(long id, RedirectAttributes redirect, String saved, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", saved);
        } catch (Refusal problem) {
            Refusals.flash(redirect, problem);
        }
        return "redirect:/admin/users/" + id;
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
