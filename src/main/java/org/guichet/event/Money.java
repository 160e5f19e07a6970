package org.guichet.event;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** Prices: BigDecimal with two decimals and an ISO currency, shown in the reader's locale. */
public final class Money {

    public static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "CAD");

    private Money() {
    }

    public static String format(BigDecimal amount, String currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(amount);
    }
}
