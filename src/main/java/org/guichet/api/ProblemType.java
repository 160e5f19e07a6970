package org.guichet.api;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * Every kind of problem the API answers, each with a stable {@code type}: the relative URI
 * {@code /problems/<name>} (RFC 9457 allows a relative reference, resolved against the API's address), its
 * status, and its translated title ({@code api.problem.<name>.title}) and default detail
 * ({@code api.problem.<name>.detail}) in the message bundles. A client switches on {@code type}, never on the
 * words.
 */
public enum ProblemType {

    /** No bearer token, or one that is malformed, badly signed, expired, revoked or whose account is gone. */
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED),
    /** {@code /auth/token}: wrong email or password. */
    BAD_CREDENTIALS("bad-credentials", HttpStatus.UNAUTHORIZED),
    /** {@code /auth/refresh}: an unknown, expired, revoked or already used refresh token. */
    INVALID_GRANT("invalid-grant", HttpStatus.UNAUTHORIZED),
    /** The token lacks the scope, or the account the role, the route needs. */
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN),
    /** The route needs an account whose address is proved. */
    UNVERIFIED("unverified", HttpStatus.FORBIDDEN),
    /** Nothing here, or nothing this caller may see (another organizer's event: the same answer). */
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND),
    /** Refused by the state of things (sold out, already checked in, already paid): the reasons in detail. */
    CONFLICT("conflict", HttpStatus.CONFLICT),
    /** A well-formed request with values refused, each beside its field in {@code errors}. */
    INVALID_FIELDS("invalid-fields", HttpStatus.UNPROCESSABLE_CONTENT),
    /** A parameter or body field that cannot be read (a page too large, a number that is none): {@code errors}. */
    BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST),
    /** The body is not JSON, or not the shape expected. */
    MALFORMED_JSON("malformed-json", HttpStatus.BAD_REQUEST),
    /** The body has a field the request does not know: {@code errors} names it. */
    UNKNOWN_FIELD("unknown-field", HttpStatus.BAD_REQUEST),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE),
    /** A rate limit or the sign-in throttle: {@code Retry-After} says when to try again. */
    TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS),
    /** Our fault: the {@code requestId} names it in the logs. */
    SERVER_ERROR("server-error", HttpStatus.INTERNAL_SERVER_ERROR);

    private final String name;
    private final HttpStatus status;

    ProblemType(String name, HttpStatus status) {
        this.name = name;
        this.status = status;
    }

    public URI uri() {
        return URI.create("/problems/" + name);
    }

    public String problemName() {
        return name;
    }

    public HttpStatus status() {
        return status;
    }

    String titleKey() {
        return "api.problem." + name + ".title";
    }

    String detailKey() {
        return "api.problem." + name + ".detail";
    }
}
