package org.guichet.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.Languages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one way the API answers a problem: {@code application/problem+json} (RFC 9457) with a stable
 * {@link ProblemType}, title and detail in the request's language ({@code Accept-Language}), {@code errors} for
 * fields. Used by {@link ApiExceptionAdvice} for what controllers throw and by the API's filter chain for what
 * the security filters refuse (401 with {@code WWW-Authenticate}, 403).
 */
@Component
class ApiProblems {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    /** The web's request id ({@code web/RequestIdFilter}), repeated in a server error so a report can name it. */
    private static final String REQUEST_ID = "guichet.requestId";

    private final MessageSource messages;
    private final JsonMapper json;
    private final BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

    ApiProblems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** A problem with its type's own title and detail. */
    ProblemDetail of(ProblemType type) {
        return of(type, message(type.detailKey()));
    }

    /** A problem with its type's title and the detail given (already in the request's language). */
    ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(message(type.titleKey()));
        return problem;
    }

    /** With field errors, under {@code errors}. */
    ProblemDetail withErrors(ProblemType type, List<FieldProblem> errors) {
        ProblemDetail problem = of(type);
        problem.setProperty("errors", errors);
        return problem;
    }

    ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(PROBLEM_JSON).body(problem);
    }

    String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale());
    }

    /** The request's language as the locale resolver chose it (for the API: {@code Accept-Language}). */
    static Locale locale() {
        return Languages.supported(LocaleContextHolder.getLocale());
    }

    /** The API chain's entry point: no token, or a bad one: 401, {@code WWW-Authenticate: Bearer ...}. */
    void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        bearerChallenge.commence(request, response, refused);
        boolean tokenSent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        write(response, of(ProblemType.UNAUTHORIZED,
                message(tokenSent ? "api.problem.unauthorized.badToken" : ProblemType.UNAUTHORIZED.detailKey())));
    }

    /** Signed in, not allowed: 403, an unverified account told so, a missing scope named in the header. */
    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        bearerDenied.handle(request, response, denied);
        write(response, of(awaitsVerification() ? ProblemType.UNVERIFIED : ProblemType.FORBIDDEN));
    }

    /** Whether the caller's account has not proved its address yet (then a refusal says so first). */
    static boolean awaitsVerification() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AccountPrincipal account
                && !account.isVerified();
    }

    static Object requestId(HttpServletRequest request) {
        return request.getAttribute(REQUEST_ID);
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), flat(problem));
    }

    /** The members RFC 9457 defines, then the extensions, as the message converters write a ProblemDetail. */
    private static Map<String, Object> flat(ProblemDetail problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            members.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }
}
