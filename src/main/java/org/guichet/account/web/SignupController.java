package org.guichet.account.web;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.guichet.account.AccountService;
import org.guichet.account.PasswordPolicy;
import org.guichet.account.SignupRequest;
import org.guichet.account.User;
import org.guichet.account.VerificationSettings;
import org.guichet.limits.RateLimit;
import org.guichet.limits.RateLimited;
import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class SignupController {

    private final AccountService accounts;
    private final PasswordPolicy passwordPolicy;
    private final VerificationSettings verification;

    SignupController(AccountService accounts, PasswordPolicy passwordPolicy, VerificationSettings verification) {
        this.verification = verification;
        this.accounts = accounts;
        this.passwordPolicy = passwordPolicy;
    }

    @GetMapping("/signup")
    String form(@ModelAttribute("form") SignupForm form) {
        return "account/signup";
    }

    /**
     * A new address gets an unverified account and a link to prove it; an address that has an account already gets
     * nothing new (its owner is mailed). Both answer the same: "check your inbox", not signed in. This browser
     * remembers what it signed up as, so following the link here signs the new account in.
     */
    @PostMapping("/signup")
    @RateLimited(RateLimit.SIGNUP)
    String signUp(@Valid @ModelAttribute("form") SignupForm form, BindingResult result, Locale locale,
            HttpServletRequest request, RedirectAttributes redirect) {
        if (!result.hasFieldErrors("password")) {
            // Every problem shows at once, the password's included, whatever else is wrong.
            passwordPolicy.violations(form.getPassword(), form.getEmail())
                    .forEach(key -> result.rejectValue("password", key));
        }
        if (result.hasErrors()) {
            return "account/signup";
        }
        Optional<User> made = Optional.empty();
        try {
            made = accounts.signUp(new SignupRequest(form.getEmail(), form.getPassword(), form.getFirstName(),
                    form.getLastName(), form.getAccountType() == SignupForm.AccountType.ORGANISE, locale));
        } catch (Refusal problem) {
            Refusals.bind(result, problem);
            return "account/signup";
        } catch (DataIntegrityViolationException sameEmailAtTheSameMoment) {
            // the other request made the account and sent its link: answered as any sign-up
        }
        // Only the account this browser made: an address that had one already (a squatter's, perhaps) is confirmed
        // here only with its password. The session is made either way, so the answers cannot be told apart.
        HttpSession session = request.getSession();
        made.ifPresent(user -> session.setAttribute(VerificationController.SIGNED_UP_AS, user.getId()));
        redirect.addFlashAttribute("email", form.getEmail());
        return "redirect:/signup/sent";
    }

    @GetMapping("/signup/sent")
    String sent(Model model) {
        model.addAttribute("validHours", verification.linkValidity().toHours());
        return "account/signup-sent";
    }
}
