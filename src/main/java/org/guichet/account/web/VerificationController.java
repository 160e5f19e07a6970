package org.guichet.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.EmailVerification;
import org.guichet.account.SignedInSession;
import org.guichet.account.User;
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

    /** The address this browser signed up with: following its link here signs the new account in. */
    static final String SIGNED_UP_AS = VerificationController.class.getName() + ".signedUpAs";

    private final EmailVerification verification;
    private final SignedInSession session;
    private final RequestCache requestCache = new HttpSessionRequestCache();

    VerificationController(EmailVerification verification, SignedInSession session) {
        this.verification = verification;
        this.session = session;
    }

    @GetMapping("/account/verify")
    String verify(@RequestParam(required = false) String token, @AuthenticationPrincipal AccountPrincipal principal,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        User user;
        try {
            user = verification.verify(token);
        } catch (Refusal problem) {
            Refusals.show(model, problem);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "account/verified";
        }
        boolean signedIn = principal != null && principal.id() == user.getId();
        if (signedIn) {
            session.refresh(user, request, response);
        } else if (principal == null && signedUpHere(request, user)) {
            session.signIn(user, request, response);
            signedIn = true;
        }
        model.addAttribute("email", user.getEmail());
        model.addAttribute("signedIn", signedIn);
        SavedRequest wanted = signedIn ? requestCache.getRequest(request, response) : null;
        if (wanted != null) {
            requestCache.removeRequest(request, response);
            model.addAttribute("continueUrl", wanted.getRedirectUrl());
        }
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
        model.addAttribute("hideVerificationBanner", true);
        return "account/verification-required";
    }

    private static boolean signedUpHere(HttpServletRequest request, User user) {
        HttpSession httpSession = request.getSession(false);
        if (httpSession == null || !user.getEmail().equals(httpSession.getAttribute(SIGNED_UP_AS))) {
            return false;
        }
        httpSession.removeAttribute(SIGNED_UP_AS);
        return true;
    }
}
