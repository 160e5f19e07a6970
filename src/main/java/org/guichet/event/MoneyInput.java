package org.guichet.event;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount as a person types it, in their own language: {@code 12,50}, {@code 12.50} or {@code 1 250,50} in French,
 * {@code 12.50} or {@code 1,250.50} in English. What could be read two ways ({@code 1.250} in French), what is
 * malformed, negative or has more than two decimals is refused, never guessed: a value is never read 100 times
 * too big or too small.
 */
public final class MoneyInput {

    private static final int MAX_LENGTH = 20;
    private static final BigDecimal EXAMPLE = new BigDecimal("12.50");
    /** French groups thousands with spaces (normal, no-break or narrow no-break); decimals after a comma or a point. */
    private static final Pattern FRENCH = Pattern.compile("(\\d{1,3}(?: \\d{3})+|\\d+)(?:([,.])(\\d+))?");
    /** English groups thousands with commas; decimals after a point. */
    private static final Pattern ENGLISH = Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+)(?:(\\.)(\\d+))?");

    /** Why a typed amount was refused: a message key and its arguments, for the field it was typed in. */
    public static final class Rejected extends RuntimeException {

        private final String messageKey;
        private final transient Object[] arguments;

        Rejected(String messageKey, Object... arguments) {
            super(messageKey);
            this.messageKey = messageKey;
            this.arguments = arguments;
        }

        public String messageKey() {
            return messageKey;
        }

        public Object[] arguments() {
            return arguments.clone();
        }
    }

    private MoneyInput() {
    }

    /** The amount with two decimals, or null when nothing was typed. */
    public static BigDecimal parse(String typed, Locale locale) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.strip().replace('\u00A0', ' ').replace('\u202F', ' ');
        String example = format(EXAMPLE, locale);
        if (text.startsWith("-")) {
            throw new Rejected("money.error.negative");
        }
        boolean french = "fr".equals(locale.getLanguage());
        Matcher matcher = (french ? FRENCH : ENGLISH).matcher(text);
        if (text.length() > MAX_LENGTH || !matcher.matches()) {
            throw new Rejected("money.error.format", example);
        }
        String whole = matcher.group(1).replace(" ", "").replace(",", "");
        String decimals = matcher.group(3) == null ? "" : matcher.group(3);
        if (french && ".".equals(matcher.group(2)) && decimals.length() == 3) {
            throw new Rejected("money.error.ambiguous", typed.strip(), whole + decimals, example);
        }
        if (decimals.length() > 2) {
            throw new Rejected("money.error.decimals", example);
        }
        return new BigDecimal(decimals.isEmpty() ? whole : whole + "." + decimals).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The amount as it is typed in this language, to show in a field: {@code 12,50} or {@code 12.50}. */
    public static String format(BigDecimal amount, Locale locale) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(false);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }
}
