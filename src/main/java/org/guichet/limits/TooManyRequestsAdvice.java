package org.guichet.limits;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A rate limit's refusal: 429 with {@code Retry-After}, and in words when to try again: the error page, or for an
 * htmx request only the message, which {@code guichet.js} shows beside the element that asked.
 */
@ControllerAdvice
// Just after the API's advice (org.guichet.api), which answers the API's own 429 as a problem.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class TooManyRequestsAdvice {

    static final String MESSAGE = "limits.tryAgain";
    private static final Logger log = LoggerFactory.getLogger(TooManyRequestsAdvice.class);

    @ExceptionHandler(TooManyRequests.class)
    ModelAndView refused(TooManyRequests refused, HttpServletRequest request, HttpServletResponse response) {
        log.info("Rate limited {} {} ({}): retry after {}s", request.getMethod(), request.getRequestURI(),
                refused.limit(), refused.retryAfterSeconds());
        response.setHeader(HttpHeaders.RETRY_AFTER, refused.retryAfterSeconds());
        boolean htmx = "true".equals(request.getHeader("HX-Request"));
        ModelAndView page = new ModelAndView(htmx ? "fragments/refusal :: message" : "error",
                HttpStatus.TOO_MANY_REQUESTS);
        page.addObject("status", HttpStatus.TOO_MANY_REQUESTS.value());
        List<Refusal.Reason> reasons = new ArrayList<>(List.of(
                new Refusal.Reason(null, MESSAGE, RetryWords.of(refused.retryAfter()))));
        page.addObject(Refusals.ATTRIBUTE, reasons);
        return page;
    }
}
