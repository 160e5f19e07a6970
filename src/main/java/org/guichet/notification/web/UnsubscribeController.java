package org.guichet.notification.web;

import jakarta.servlet.http.HttpServletResponse;

import org.guichet.notification.MailKind;
import org.guichet.notification.MailPreferences;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The unsubscribe link of reminders, summaries and organizers' messages: it works without signing in, for the
 * address and kind it was signed for only. Opening it asks first (link checkers open links); the mail provider's
 * one-click button (RFC 8058) posts to the same address and is done at once. Either way the page offers to undo.
 */
@Controller
class UnsubscribeController {

    private static final String VIEW = "notification/unsubscribe";

    private final MailPreferences preferences;

    UnsubscribeController(MailPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/mail/unsubscribe")
    String ask(@RequestParam(required = false) String email, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String signature, Model model, HttpServletResponse response) {
        return show(email, kind, signature, isSigned(email, kind, signature), "ask", model, response);
    }

    @PostMapping("/mail/unsubscribe")
    String unsubscribe(@RequestParam(required = false) String email, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String signature, Model model, HttpServletResponse response) {
        boolean signed = isSigned(email, kind, signature);
        if (signed) {
            preferences.choose(email, MailKind.valueOf(kind), false);
        }
        return show(email, kind, signature, signed, "unsubscribed", model, response);
    }

    @PostMapping("/mail/resubscribe")
    String resubscribe(@RequestParam(required = false) String email, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String signature, Model model, HttpServletResponse response) {
        boolean signed = isSigned(email, kind, signature);
        if (signed) {
            preferences.choose(email, MailKind.valueOf(kind), true);
        }
        return show(email, kind, signature, signed, "resubscribed", model, response);
    }

    private String show(String email, String kind, String signature, boolean signed, String state, Model model,
            HttpServletResponse response) {
        if (!signed) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("state", "invalid");
            return VIEW;
        }
        model.addAttribute("state", state);
        model.addAttribute("email", email);
        model.addAttribute("kind", kind);
        model.addAttribute("signature", signature);
        return VIEW;
    }

    private boolean isSigned(String email, String kind, String signature) {
        return kind != null && MailPreferences.choices().stream().anyMatch(choice -> choice.name().equals(kind))
                && preferences.signed(email, MailKind.valueOf(kind), signature);
    }
}
