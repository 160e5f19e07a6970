package org.guichet.web;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests no page should see: parameters that do not decode (a broken percent-encoding) answer 400, logged in
 * one line as the client's mistake it is; the error page asked for directly answers 404, as any unknown page.
 * Every page then reads its parameters without control characters ({@link PrintableParameters}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class MalformedRequestFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequestFilter.class);

    /** Longest part of a request quoted in the log: the container's message quotes the value it could not decode. */
    static final int LOGGED_LENGTH = 300;

    private static final Pattern LINE_BREAKING = Pattern.compile("[\\p{Cc}\\u2028\\u2029]");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestURI().equals(request.getContextPath() + "/error")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            // Uploads are read by the dispatcher, where their size limit is answered beside the form.
            chain.doFilter(new PrintableParameters(request), response);
            return;
        }
        try {
            request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException undecodable) {
            log.warn("Rejected {} {}: parameters that do not decode ({})", oneLine(request.getMethod()),
                    oneLine(request.getRequestURI()), oneLine(undecodable.getMessage()));
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(new PrintableParameters(request), response);
    }

    /**
     * What the client sent, fit for one log line: its control characters (line breaks that would forge a line of
     * their own) shown as {@code ?}, cut after {@link #LOGGED_LENGTH} characters (a form body may be megabytes).
     */
    static String oneLine(String quoted) {
        if (quoted == null) {
            return null;
        }
        String shown = LINE_BREAKING.matcher(quoted).replaceAll("?");
        return shown.length() <= LOGGED_LENGTH ? shown : shown.substring(0, LOGGED_LENGTH) + "…";
    }
}
