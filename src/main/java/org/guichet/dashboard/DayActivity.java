package org.guichet.dashboard;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What happened to one event during one day, as {@link DashboardQueries#activity} counts it.
 *
 * @param registrations orders confirmed that day (free or paid), whatever became of them since
 * @param tickets       the tickets of those orders
 * @param payments      payments received that day
 * @param sales         what those payments brought in, per currency (gross: refunds are counted apart)
 * @param refunds       payments refunded (or owed back) that day
 * @param refunded      what those refunds gave back, per currency
 */
public record DayActivity(long eventId, long organizerId, String eventTitle, long registrations, long tickets,
        long payments, Map<String, BigDecimal> sales, long refunds, Map<String, BigDecimal> refunded) {

    public DayActivity {
        sales = Map.copyOf(sales);
        refunded = Map.copyOf(refunded);
    }

    public boolean isQuiet() {
        return registrations == 0 && payments == 0 && refunds == 0;
    }
}
