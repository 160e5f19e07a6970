package org.guichet.api;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.guichet.account.LoginThrottled;
import org.guichet.limits.TooManyRequests;
import org.guichet.shared.NotFound;
import org.guichet.shared.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What the API's controllers throw, answered as problems ({@link ApiProblems}); the web pages keep their error
 * pages. Ahead of the site-wide advice (the rate limits' 429 page), for this package only.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionAdvice.class);

    private final ApiProblems problems;

    ApiExceptionAdvice(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound notFound) {
        return problems.answer(problems.of(ProblemType.NOT_FOUND));
    }

    /**
     * A refusal about fields (what was sent) is 422 with each reason beside its field; one about the state of
     * things (sold out, already paid, already checked in) is 409 with its reasons in words.
     */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        List<Refusal.Reason> reasons = refusal.reasons();
        boolean aboutFields = reasons.stream().anyMatch(reason -> reason.field() != null);
        String words = reasons.stream().map(reason -> problems.message(reason.messageKey(), reason.arguments()))
                .collect(Collectors.joining(" "));
        if (!aboutFields) {
            ProblemDetail problem = problems.of(ProblemType.CONFLICT, words);
            problem.setProperty("reasons", reasons.stream().map(Refusal.Reason::messageKey).toList());
            return problems.answer(problem);
        }
        ProblemDetail problem = problems.withErrors(ProblemType.INVALID_FIELDS, reasons.stream()
                .map(reason -> new FieldProblem(reason.field(), problems.message(reason.messageKey(),
                        reason.arguments())))
                .toList());
        return problems.answer(problem);
    }

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequests tooMany, HttpServletRequest request) {
        log.info("Rate limited {} {} ({}): retry after {}s", request.getMethod(), request.getRequestURI(),
                tooMany.limit(), tooMany.retryAfterSeconds());
        return tooMany(Long.parseLong(tooMany.retryAfterSeconds()));
    }

    /** Too many failed sign-ins (the web's throttle): 429, as the web says. */
    @ExceptionHandler(LoginThrottled.class)
    ResponseEntity<ProblemDetail> throttled(LoginThrottled throttled) {
        return tooMany(Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000));
    }

    /** The password sign-in refused ({@code /auth/token}): wrong email or password, said the same way. */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> badCredentials(AuthenticationException refused) {
        return ResponseEntity.status(ProblemType.BAD_CREDENTIALS.status())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .contentType(ApiProblems.PROBLEM_JSON).body(problems.of(ProblemType.BAD_CREDENTIALS));
    }

    @ExceptionHandler(InvalidGrant.class)
    ResponseEntity<ProblemDetail> invalidGrant(InvalidGrant invalid) {
        return ResponseEntity.status(ProblemType.INVALID_GRANT.status())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_grant\"")
                .contentType(ApiProblems.PROBLEM_JSON).body(problems.of(ProblemType.INVALID_GRANT));
    }

    /** A scope, role or proved address the services' method security asks for: as the filter chain says it. */
    @ExceptionHandler(AccessDeniedException.class)
    void denied(AccessDeniedException denied, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        problems.forbidden(request, response, denied);
    }

    /** Bean validation of a body (422, each field) or of query parameters such as a page's size (400). */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException invalid) {
        boolean body = invalid.getParameter().hasParameterAnnotation(RequestBody.class);
        List<FieldProblem> errors = invalid.getBindingResult().getAllErrors().stream()
                .map(error -> new FieldProblem(error instanceof FieldError field ? field.getField() : null,
                        error.getDefaultMessage()))
                .toList();
        return problems.answer(problems.withErrors(body ? ProblemType.INVALID_FIELDS : ProblemType.BAD_REQUEST,
                errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException invalid) {
        List<FieldProblem> errors = invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return problems.answer(problems.withErrors(ProblemType.BAD_REQUEST, errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException mismatch) {
        return problems.answer(problems.withErrors(ProblemType.BAD_REQUEST, List.of(new FieldProblem(
                mismatch.getName(), problems.message("api.problem.field.unreadable")))));
    }

    /** Query parameters a controller read itself and could not use (a listing's filter of no known kind). */
    @ExceptionHandler(BadParameters.class)
    ResponseEntity<ProblemDetail> badParameters(BadParameters bad) {
        return problems.answer(problems.withErrors(ProblemType.BAD_REQUEST, bad.errors()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException missing) {
        return problems.answer(problems.withErrors(ProblemType.BAD_REQUEST, List.of(new FieldProblem(
                missing.getParameterName(), problems.message("api.problem.field.required")))));
    }

    /** A body that is not JSON (400), that has an unknown field (400, named), or a value of the wrong kind (400). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException unreadable) {
        Throwable cause = unreadable.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return problems.answer(problems.withErrors(ProblemType.UNKNOWN_FIELD, List.of(new FieldProblem(
                    path(unknown), problems.message("api.problem.field.unknown")))));
        }
        DatabindException mismatch = databindCause(unreadable);
        if (mismatch != null && !mismatch.getPath().isEmpty()) {
            return problems.answer(problems.withErrors(ProblemType.BAD_REQUEST, List.of(new FieldProblem(
                    path(mismatch), problems.message("api.problem.field.unreadable")))));
        }
        if (!(cause instanceof JacksonException)) {
            log.debug("Unreadable API request body", unreadable);
        }
        return problems.answer(problems.of(ProblemType.MALFORMED_JSON));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException unsupported) {
        ResponseEntity<ProblemDetail> answer = problems.answer(problems.of(ProblemType.METHOD_NOT_ALLOWED));
        return ResponseEntity.status(answer.getStatusCode()).headers(unsupported.getHeaders())
                .contentType(ApiProblems.PROBLEM_JSON).body(answer.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException unsupported) {
        return problems.answer(problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException notAcceptable) {
        return problems.answer(problems.of(ProblemType.NOT_ACCEPTABLE));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException tooLarge) {
        return problems.answer(problems.of(ProblemType.PAYLOAD_TOO_LARGE));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException status) {
        ProblemType type = Arrays.stream(ProblemType.values())
                .filter(candidate -> candidate.status().value() == status.getStatusCode().value())
                .findFirst().orElse(status.getStatusCode().is4xxClientError()
                        ? ProblemType.BAD_REQUEST : ProblemType.SERVER_ERROR);
        return problems.answer(problems.of(type));
    }

    /** Anything else is our fault: 500, never the exception's text, the request id to quote. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception unexpected, HttpServletRequest request) {
        Object requestId = ApiProblems.requestId(request);
        log.error("API request {} {} failed (request id {})", request.getMethod(), request.getRequestURI(),
                requestId, unexpected);
        ProblemDetail problem = problems.of(ProblemType.SERVER_ERROR);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problems.answer(problem);
    }

    private ResponseEntity<ProblemDetail> tooMany(long seconds) {
        return ResponseEntity.status(ProblemType.TOO_MANY_REQUESTS.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .contentType(ApiProblems.PROBLEM_JSON)
                .body(problems.of(ProblemType.TOO_MANY_REQUESTS,
                        problems.message(ProblemType.TOO_MANY_REQUESTS.detailKey(), seconds)));
    }

    /**
     * The mapping failure that knows the field, even when the most specific cause is below it (a date that does
     * not parse ends in a {@code DateTimeParseException} wrapped by the mapper's).
     */
    private static DatabindException databindCause(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof DatabindException databind) {
                return databind;
            }
        }
        return null;
    }

    /** The field's JSON path: {@code attendees[0].name}. */
    private static String path(DatabindException failure) {
        StringBuilder path = new StringBuilder();
        for (var reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
