package org.guichet.config;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The key that marks remember-me authentications as made by this application. With persistent tokens the
 * cookie's secret lives in the database, so the key needs no configuration and is new at each start.
 */
final class RememberMeKey {

    private RememberMeKey() {
    }

    static String random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }
}
