package org.guichet.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.EmailVerification;
import org.guichet.account.SignedInSession;
import org.guichet.account.User;
import org.guichet.account.VerificationSettings;
import org.guichet.limits.RateLimit;
import org.guichet.limits.RateLimited;
import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The link that proves an address, sending it again, and the page an unverified account is refused with. */
@Controller
class VerificationController {

    /** The id of the account this browser just made: following its link here signs it in. */
    static final String SIGNED_UP_AS = VerificationController.class.getName() + ".signedUpAs";

    private final EmailVerification verification;
    private final SignedInSession session;
    private final VerificationSettings settings;
    private final RequestCache requestCache = new HttpSessionRequestCache();

    VerificationController(EmailVerification verification, SignedInSession session, VerificationSettings settings) {
        this.settings = settings;
        this.verification = verification;
        this.session = session;
    }

    /**
     * In the browser that signed up, or signed in as the link's account, the link confirms the address at once.
     * Anywhere else it asks for the account's password first: reading the mail alone does not confirm an account
     * someone else may have opened with this address.
     */
    @GetMapping("/account/verify")
    String verify(@RequestParam(required = false) String token, @AuthenticationPrincipal AccountPrincipal principal,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        User user;
        try {
            user = verification.accountOf(token);
        } catch (Refusal problem) {
            return refused(problem, model, response);
        }
        boolean signedInAsIt = principal != null && principal.id() == user.getId();
        if (!signedInAsIt && !(principal == null && signedUpHere(request, user))) {
            model.addAttribute("token", token);
            model.addAttribute("email", user.getEmail());
            return "account/verify-password";
        }
        try {
            user = verification.verify(token);
        } catch (Refusal problem) {
            return refused(problem, model, response);
        }
        if (signedInAsIt) {
            session.refresh(user, request, response);
        } else {
            forgetSignUp(request);
            session.signIn(user, request, response);
        }
        model.addAttribute("email", user.getEmail());
        model.addAttribute("signedIn", true);
        SavedRequest wanted = requestCache.getRequest(request, response);
        if (wanted != null) {
            requestCache.removeRequest(request, response);
            model.addAttribute("continueUrl", wanted.getRedirectUrl());
        }
        return "account/verified";
    }

    /** The link followed in another browser, with the account's password: confirmed, then signed in as usual. */
    @PostMapping("/account/verify")
    @RateLimited(RateLimit.LOGIN)
    String verifyWithPassword(@RequestParam(required = false) String token,
            @RequestParam(required = false) String password, Model model, HttpServletResponse response) {
        User user;
        try {
            user = verification.verifyWithPassword(token, password);
        } catch (Refusal problem) {
            if ("password".equals(problem.field())) {
                model.addAttribute("token", token);
                model.addAttribute("email", verification.accountOf(token).getEmail());
                model.addAttribute("passwordError", problem.messageKey());
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return "account/verify-password";
            }
            return refused(problem, model, response);
        }
        model.addAttribute("email", user.getEmail());
        model.addAttribute("signedIn", false);
        return "account/verified";
    }

    private static String refused(Refusal problem, Model model, HttpServletResponse response) {
        Refusals.show(model, problem);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "account/verified";
    }

    @PostMapping("/account/verification/resend")
    @RateLimited(RateLimit.VERIFICATION_RESEND)
    String resend(@AuthenticationPrincipal AccountPrincipal principal, RedirectAttributes redirect) {
        boolean sent = verification.resend(principal.id());
        redirect.addFlashAttribute("saved", sent ? "account.verify.resent" : "account.verify.already");
        return "redirect:/account";
    }

    /** Where {@code SecurityConfig} forwards an unverified account refused a page (any method, status 403). */
    @RequestMapping("/account/verification/required")
    String required(Model model) {
        model.addAttribute("lifetimeDays", settings.unverifiedLifetime().toDays());
        model.addAttribute("hideVerificationBanner", true);
        return "account/verification-required";
    }

    private static boolean signedUpHere(HttpServletRequest request, User user) {
        HttpSession httpSession = request.getSession(false);
        return httpSession != null && Long.valueOf(user.getId()).equals(httpSession.getAttribute(SIGNED_UP_AS));
    }

    private static void forgetSignUp(HttpServletRequest request) {
        HttpSession httpSession = request.getSession(false);
        if (httpSession != null) {
            httpSession.removeAttribute(SIGNED_UP_AS);
        }
    }
}
