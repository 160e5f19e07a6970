package org.guichet.account;

import java.util.List;
import java.util.Locale;

/** The languages Guichet speaks. English is the fallback. */
public final class Languages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    /** The cookie keeping the language chosen with the switcher (or the account's, after signing in). */
    public static final String COOKIE = "guichet-lang";

    private Languages() {
    }

    public static Locale supported(Locale requested) {
        if (requested == null) {
            return Locale.ENGLISH;
        }
        return SUPPORTED.stream()
                .filter(locale -> locale.getLanguage().equals(requested.getLanguage()))
                .findFirst()
                .orElse(Locale.ENGLISH);
    }

    public static boolean isSupported(String languageTag) {
        return languageTag != null
                && SUPPORTED.stream().anyMatch(locale -> locale.getLanguage().equals(languageTag));
    }
}
