package org.guichet.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.guichet.event.Money;
import org.springframework.stereotype.Component;

/** How the dashboard's pages write money and days, in the reader's language. */
@Component("dashboardFormat")
public class DashboardFormat {

    public String money(BigDecimal amount, String currency, Locale locale) {
        return Money.format(amount, currency, locale);
    }

    public String day(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }
}
