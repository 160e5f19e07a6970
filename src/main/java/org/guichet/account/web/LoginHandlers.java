package org.guichet.account.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.Languages;
import org.guichet.account.LoginThrottled;
import org.guichet.account.SignedInSession;
import org.guichet.limits.RetryWords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * What happens after a sign-in attempt: back where the user was going, or the form again with a reason (after a
 * redirect for a wrong password; at once, with status 429, when sign-in must wait).
 */
@Configuration(proxyBeanMethods = false)
class LoginHandlers {

    static final String ERROR = "loginError";
    static final String ERROR_ARGUMENT = "loginErrorArgument";
    static final String EMAIL = "email";

    /**
     * A language the visitor chose with the switcher before signing in stays: it becomes the account's. Without a
     * choice, the account's language is the page's from now on (and the cookie's, for after signing out).
     */
    @Bean
    AuthenticationSuccessHandler loginSucceeded(LocaleResolver locales, AccountService accounts,
            SignedInSession session) {
        return new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                    Authentication authentication) throws ServletException, IOException {
                if (authentication.getPrincipal() instanceof AccountPrincipal principal) {
                    Locale chosen = chosenLanguage(request);
                    if (chosen != null && !chosen.getLanguage().equals(principal.language().getLanguage())) {
                        session.refresh(accounts.changeLanguage(principal.id(), chosen), request, response);
                    } else {
                        locales.setLocale(request, response, principal.language());
                    }
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    private static Locale chosenLanguage(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        return Arrays.stream(cookies)
                .filter(cookie -> Languages.COOKIE.equals(cookie.getName()))
                .map(cookie -> Locale.forLanguageTag(cookie.getValue()))
                .filter(language -> Languages.isSupported(language.getLanguage()))
                .map(Languages::supported)
                .findFirst().orElse(null);
    }

    @Bean
    AuthenticationFailureHandler loginFailed() {
        SessionFlashMapManager flashMaps = new SessionFlashMapManager();
        return (request, response, exception) -> {
            if (exception instanceof LoginThrottled throttled) {
                // 429 with the form again, saying when to try: LoginController renders it
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RetryWords.wholeSeconds(throttled.retryAfter())));
                request.setAttribute(LoginController.THROTTLED, throttled.retryAfter());
                request.getRequestDispatcher(LoginController.THROTTLED_PATH).forward(request, response);
                return;
            }
            FlashMap flash = new FlashMap();
            flash.put(EMAIL, request.getParameter("email"));
            flash.put(ERROR, "login.error.badCredentials");
            flash.setTargetRequestPath("/login");
            flashMaps.saveOutputFlashMap(flash, request, response);
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
    }

}
