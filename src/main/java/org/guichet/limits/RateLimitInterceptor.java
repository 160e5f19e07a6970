package org.guichet.limits;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.guichet.limits.RateLimit.Scope;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Reads {@link RateLimited} on the handler and takes its tokens before the handler runs. */
class RateLimitInterceptor implements HandlerInterceptor {

    private static final int LONGEST_KEY = 254;

    private final RateLimiter limiter;

    RateLimitInterceptor(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            RateLimited limited = method.getMethodAnnotation(RateLimited.class);
            if (limited != null) {
                Map<Scope, Object> keys = new EnumMap<>(Scope.class);
                keys.put(Scope.ADDRESS, request.getRemoteAddr());
                String account = account(request, limited);
                if (account != null) {
                    keys.put(Scope.ACCOUNT, account);
                }
                limiter.take(limited.value(), keys);
            }
        }
        return true;
    }

    private static String account(HttpServletRequest request, RateLimited limited) {
        if (!limited.accountParameter().isEmpty()) {
            String typed = request.getParameter(limited.accountParameter());
            if (typed == null || typed.isBlank()) {
                return null;
            }
            String normal = typed.strip().toLowerCase(Locale.ROOT);
            return "email:" + normal.substring(0, Math.min(normal.length(), LONGEST_KEY));
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return authentication.getPrincipal() instanceof LimitedAccount account
                ? "id:" + account.id() : "name:" + authentication.getName();
    }
}
