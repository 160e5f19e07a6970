package org.guichet.account;

import java.util.Locale;

public record SignupRequest(String email, String password, String firstName, String lastName, boolean organizer,
        Locale language) {
}
