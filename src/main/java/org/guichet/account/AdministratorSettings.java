package org.guichet.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator of an install ({@code GUICHET_ADMIN_EMAIL} in {@code prod}): made at start when no
 * account has this address, and sent a link to choose a password. Empty: nobody is appointed.
 */
@ConfigurationProperties("guichet.admin")
record AdministratorSettings(String email) {

    boolean isConfigured() {
        return email != null && !email.isBlank();
    }
}
