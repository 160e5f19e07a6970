package org.guichet.api;

/** A refresh token that is unknown, expired, revoked or used already: 401 {@code invalid-grant}. */
class InvalidGrant extends RuntimeException {

    InvalidGrant() {
        super("Invalid refresh token");
    }
}
