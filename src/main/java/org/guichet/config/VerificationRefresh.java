package org.guichet.config;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.EmailVerification;
import org.guichet.account.SignedInSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The session keeps the principal it signed in with. While it is unverified, each request asks (one query by id)
 * whether the address has been proved since, perhaps through the link opened in another browser, and if so puts
 * the verified account in the session before access is decided. A verified principal costs nothing.
 */
class VerificationRefresh extends OncePerRequestFilter {

    private final EmailVerification verification;
    private final SignedInSession session;

    VerificationRefresh(EmailVerification verification, SignedInSession session) {
        this.verification = verification;
        this.session = session;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
                && !principal.isVerified()) {
            verification.verifiedSince(principal).ifPresent(user -> session.refresh(user, request, response));
        }
        chain.doFilter(request, response);
    }
}
