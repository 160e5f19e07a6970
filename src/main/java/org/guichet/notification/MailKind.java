package org.guichet.notification;

/**
 * What a mail is for, as far as its recipient's choices go. Transactional mails (tickets, receipts, account links)
 * always go out; the others can be switched off from the mail itself (a signed one-click link, and the
 * {@code List-Unsubscribe} headers) or from the profile page.
 */
public enum MailKind {

    TRANSACTIONAL,
    /** Reminders before an event the recipient holds a ticket for. */
    EVENT_REMINDER,
    /** What an organizer writes to the holders of their event's tickets. */
    ORGANIZER_MESSAGE,
    /** An organizer's daily summary of registrations, sales and refunds. */
    DAILY_SUMMARY;

    public boolean canUnsubscribe() {
        return this != TRANSACTIONAL;
    }
}
