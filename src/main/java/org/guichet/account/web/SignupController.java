package org.guichet.account.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
import org.guichet.account.AccountService;
import org.guichet.account.PasswordPolicy;
import org.guichet.account.SignedInSession;
import org.guichet.account.SignupRequest;
import org.guichet.account.User;
import org.guichet.limits.RateLimit;
import org.guichet.limits.RateLimited;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class SignupController {

    private final AccountService accounts;
    private final PasswordPolicy passwordPolicy;
    private final SignedInSession session;
    private final RequestCache requestCache = new HttpSessionRequestCache();

    SignupController(AccountService accounts, PasswordPolicy passwordPolicy, SignedInSession session) {
        this.accounts = accounts;
        this.passwordPolicy = passwordPolicy;
        this.session = session;
    }

    @GetMapping("/signup")
    String form(@ModelAttribute("form") SignupForm form) {
        return "account/signup";
    }

    @PostMapping("/signup")
    @RateLimited(RateLimit.SIGNUP)
    String signUp(@Valid @ModelAttribute("form") SignupForm form, BindingResult result, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        if (!result.hasFieldErrors("password")) {
            // Every problem shows at once, the password's included, whatever else is wrong.
            passwordPolicy.violations(form.getPassword(), form.getEmail())
                    .forEach(key -> result.rejectValue("password", key));
        }
        if (result.hasErrors()) {
            return "account/signup";
        }
        User user;
        try {
            user = accounts.signUp(new SignupRequest(form.getEmail(), form.getPassword(), form.getFirstName(),
                    form.getLastName(), form.getAccountType() == SignupForm.AccountType.ORGANISE, locale));
        } catch (Refusal problem) {
            Refusals.bind(result, problem);
            return "account/signup";
        } catch (DataIntegrityViolationException sameEmailAtTheSameMoment) {
            result.rejectValue("email", "account.email.taken");
            return "account/signup";
        }
        session.signIn(user, request, response);
        SavedRequest wanted = requestCache.getRequest(request, response);
        if (wanted != null) {
            requestCache.removeRequest(request, response);
            return "redirect:" + wanted.getRedirectUrl();
        }
        return "redirect:/?welcome";
    }
}
