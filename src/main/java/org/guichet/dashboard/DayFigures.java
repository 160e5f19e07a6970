package org.guichet.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One day in the event's time zone: orders confirmed that day (and still confirmed), and payments received that
 * day per currency (gross).
 */
public record DayFigures(LocalDate day, long registrations, Map<String, BigDecimal> gross) {

    public BigDecimal grossIn(String currency) {
        return gross.getOrDefault(currency, BigDecimal.ZERO);
    }
}
