package org.guichet.account.web;

import jakarta.validation.Valid;

import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
import org.guichet.account.PasswordResetService;
import org.guichet.limits.RateLimit;
import org.guichet.limits.RateLimited;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class PasswordResetController {

    private final PasswordResetService resets;

    PasswordResetController(PasswordResetService resets) {
        this.resets = resets;
    }

    @GetMapping("/password/forgot")
    String forgotForm() {
        return "account/forgot";
    }

    /** Answers the same page whether or not the address has an account. */
    @PostMapping("/password/forgot")
    @RateLimited(value = RateLimit.PASSWORD_RESET_REQUEST, accountParameter = "email")
    String forgot(@RequestParam(defaultValue = "") String email, Model model) {
        if (email.isBlank() || email.length() > 254) {
            model.addAttribute("emailError", "NotBlank");
            return "account/forgot";
        }
        resets.requestReset(email);
        model.addAttribute("email", email.strip());
        return "account/forgot-sent";
    }

    @GetMapping("/password/reset")
    String resetForm(@RequestParam(required = false) String token, Model model) {
        if (!resets.isUsable(token)) {
            return "account/reset-invalid";
        }
        ResetForm form = new ResetForm();
        form.setToken(token);
        model.addAttribute("form", form);
        return "account/reset";
    }

    @PostMapping("/password/reset")
    @RateLimited(RateLimit.PASSWORD_RESET)
    String reset(@Valid @ModelAttribute("form") ResetForm form, BindingResult result) {
        if (result.hasErrors()) {
            return resets.isUsable(form.getToken()) ? "account/reset" : "account/reset-invalid";
        }
        try {
            resets.reset(form.getToken(), form.getPassword());
        } catch (Refusal problem) {
            if (problem.field() == null) {
                return "account/reset-invalid";
            }
            Refusals.bind(result, problem);
            return "account/reset";
        }
        return "redirect:/login?reset";
    }
}
