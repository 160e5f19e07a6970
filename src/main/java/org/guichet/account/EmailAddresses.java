package org.guichet.account;

import java.util.Locale;

/** Email addresses are compared without regard to case and stored in one normal form. */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    public static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public static String localPart(String email) {
        String normal = normalise(email);
        int at = normal.lastIndexOf('@');
        return at < 0 ? normal : normal.substring(0, at);
    }
}
