package org.guichet.event;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text as search compares it: lower case, without accents ("Café" and "cafe" are one word). */
final class Texts {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Texts() {
    }

    static String searchable(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).strip();
    }

    /** A URL-friendly form of a title, for readable links: "Café des arts" → "cafe-des-arts". */
    static String slug(String title) {
        String slug = transliterated(searchable(title)).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-$", "") : slug;
    }

    /**
     * Letters that no accent removal turns into plain ones keep their sound instead of being dropped:
     * "Œuvres" is "oeuvres", "Straße" is "strasse", "Łódź" is "lodz".
     */
    private static String transliterated(String lowerCase) {
        StringBuilder plain = new StringBuilder(lowerCase.length());
        for (int i = 0; i < lowerCase.length(); i++) {
            char c = lowerCase.charAt(i);
            plain.append(switch (c) {
                case 'œ' -> "oe";
                case 'æ' -> "ae";
                case 'ß' -> "ss";
                case 'ø' -> "o";
                case 'ł' -> "l";
                case 'đ', 'ð' -> "d";
                case 'þ' -> "th";
                case 'ı' -> "i";
                default -> String.valueOf(c);
            });
        }
        return plain.toString();
    }
}
