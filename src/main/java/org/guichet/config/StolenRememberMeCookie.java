package org.guichet.config;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.authentication.rememberme.CookieTheftException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A copied remember-me cookie ends on the sign-in page, which says why the account was signed out everywhere
 * (the cookie is already cleared), instead of an error page.
 */
class StolenRememberMeCookie extends OncePerRequestFilter {

    static final String SIGN_IN_AGAIN = "/login?signedOutEverywhere";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (CookieTheftException stolen) {
            if (response.isCommitted()) {
                throw stolen;
            }
            response.sendRedirect(request.getContextPath() + SIGN_IN_AGAIN);
        }
    }
}
