package org.guichet.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/** Puts an account in the browser's session: after sign-up, and again after a change the pages show. */
@Component
public class SignedInSession {

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final LocaleResolver locales;

    SignedInSession(LocaleResolver locales) {
        this.locales = locales;
    }

    /** A fresh sign-in: a new session id, then the account. */
    public void signIn(User user, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        refresh(user, request, response);
    }

    /** The session's copy of the account follows a change made to it. */
    public void refresh(User user, HttpServletRequest request, HttpServletResponse response) {
        AccountPrincipal principal = AccountPrincipal.of(user);
        principal.eraseCredentials();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        locales.setLocale(request, response, user.getLanguage());
    }
}
