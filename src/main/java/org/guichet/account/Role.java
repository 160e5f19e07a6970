package org.guichet.account;

public enum Role {
    /** Registers for and attends events. Every account has it. */
    PARTICIPANT,
    /** Creates and manages events and sees their participants. */
    ORGANIZER,
    /** Manages categories and users. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
