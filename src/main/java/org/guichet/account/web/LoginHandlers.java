package org.guichet.account.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.LoginThrottled;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/** What happens after a sign-in attempt: back where the user was going, or the form again with a reason. */
@Configuration(proxyBeanMethods = false)
class LoginHandlers {

    static final String ERROR = "loginError";
    static final String ERROR_ARGUMENT = "loginErrorArgument";
    static final String EMAIL = "email";

    @Bean
    AuthenticationSuccessHandler loginSucceeded(LocaleResolver locales) {
        return new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                    Authentication authentication) throws ServletException, IOException {
                if (authentication.getPrincipal() instanceof AccountPrincipal principal) {
                    locales.setLocale(request, response, principal.language());
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    @Bean
    AuthenticationFailureHandler loginFailed() {
        SessionFlashMapManager flashMaps = new SessionFlashMapManager();
        return (request, response, exception) -> {
            FlashMap flash = new FlashMap();
            flash.put(EMAIL, request.getParameter("email"));
            if (exception instanceof LoginThrottled throttled) {
                long seconds = Math.max(1, throttled.retryAfter().toSeconds());
                boolean minutes = seconds > 90;
                flash.put(ERROR, minutes ? "login.error.throttledMinutes" : "login.error.throttledSeconds");
                flash.put(ERROR_ARGUMENT, minutes ? (seconds + 59) / 60 : seconds);
            } else {
                flash.put(ERROR, "login.error.badCredentials");
            }
            flash.setTargetRequestPath("/login");
            flashMaps.saveOutputFlashMap(flash, request, response);
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
    }

}
