package org.guichet.web;

import jakarta.servlet.http.HttpServletRequest;

import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal no page caught (a form posted from a stale tab, say) is still an answer, not an error: the error page
 * with status 409 and the refusal's own words, logged in one line.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RefusalAdvice {

    private static final Logger log = LoggerFactory.getLogger(RefusalAdvice.class);

    @ExceptionHandler(Refusal.class)
    ModelAndView refused(Refusal refusal, HttpServletRequest request) {
        log.info("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), refusal.getMessage());
        ModelAndView page = new ModelAndView("error", HttpStatus.CONFLICT);
        page.addObject("status", HttpStatus.CONFLICT.value());
        page.addObject(Refusals.ATTRIBUTE, refusal.reasons());
        page.addObject("requestId", request.getAttribute(RequestIdFilter.ATTRIBUTE));
        return page;
    }
}
