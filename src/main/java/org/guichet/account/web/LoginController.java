package org.guichet.account.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.guichet.limits.RetryWords;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The sign-in page; Spring Security handles the POST to /login (fields {@code email} and {@code password}). */
@Controller
class LoginController {

    static final String THROTTLED_PATH = "/login/throttled";
    static final String THROTTLED = LoginController.class.getName() + ".throttled";

    @GetMapping("/login")
    String login() {
        return "account/login";
    }

    /**
     * A sign-in that must wait, forwarded here by the failure handler: the form again, with status 429 and when to
     * try again. Posted from anywhere else, it is only the sign-in page.
     */
    @PostMapping(THROTTLED_PATH)
    String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!(request.getAttribute(THROTTLED) instanceof Duration wait)) {
            return "redirect:/login";
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RetryWords.wholeSeconds(wait)));
        model.addAttribute(LoginHandlers.EMAIL, request.getParameter("email"));
        model.addAttribute(LoginHandlers.ERROR, "login.error.throttled");
        model.addAttribute(LoginHandlers.ERROR_ARGUMENT, RetryWords.of(wait));
        return "account/login";
    }
}
