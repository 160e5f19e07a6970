package org.guichet.config;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * A visitor asking for a page that needs an account signs in first, but only for a page that exists: an unknown
 * address answers 404, as it does for everyone, instead of sending the visitor to sign in for nothing.
 */
class KnownPagesEntryPoint implements AuthenticationEntryPoint {

    private final ObjectProvider<RequestMappingHandlerMapping> pages;
    private final AuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");

    KnownPagesEntryPoint(ObjectProvider<RequestMappingHandlerMapping> pages) {
        this.pages = pages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException needed)
            throws IOException, ServletException {
        if (exists(request)) {
            signIn.commence(request, response, needed);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private boolean exists(HttpServletRequest request) {
        boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
        if (parsedHere) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            return pages.getObject().getHandler(request) != null;
        } catch (Exception otherMethodOrMediaType) {
            // The address is known, for another method or content type: signing in comes first.
            return true;
        } finally {
            if (parsedHere) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }
}
