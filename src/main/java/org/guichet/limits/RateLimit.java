package org.guichet.limits;

/**
 * The actions Guichet limits, each with its allowances per {@link Scope} in {@code guichet.rate-limits.*}
 * ({@link RateLimitSettings}). A new limited action is a constant here, a field there and one annotation.
 */
public enum RateLimit {

    SIGNUP,
    LOGIN,
    /** Asking for a password reset link: per client address, and per address typed in the form. */
    PASSWORD_RESET_REQUEST,
    /** Choosing a new password with a reset link. */
    PASSWORD_RESET,
    EMAIL_CHANGE,
    VERIFICATION_RESEND,
    TICKET_RESEND,
    /** Invitations to a private event: per organizer, per event and per client address. */
    INVITATION,
    /** Mails an organizer writes to an event's attendees. */
    ATTENDEE_MAIL,
    /**
     * Mails telling an account's owner that someone tried to sign up or move an account to its address: per owner.
     * Past it the mail is skipped, never refused, so the answer does not tell which addresses have an account.
     */
    ADDRESS_IN_USE_MAIL;

    /** What one bucket counts for. */
    public enum Scope {
        /** The client address, as resolved after the trusted-proxy rule. */
        ADDRESS,
        /** The signed-in account, or the account an anonymous form names (its email). */
        ACCOUNT,
        /** One event, whoever acts on it. */
        EVENT
    }
}
