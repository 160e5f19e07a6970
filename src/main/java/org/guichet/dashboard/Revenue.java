package org.guichet.dashboard;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Money received in one currency: {@code gross} is what was paid (payments.amount), {@code refunds} what was
 * refunded or is owed back (payments.refunded_amount), {@code net} the difference. {@code automaticRefunds} counts
 * the payments Guichet gave back on its own because their order could not keep them (paid twice, through a replaced
 * page, after it closed or lost its seats), for {@code automaticallyRefunded}.
 */
public record Revenue(String currency, BigDecimal gross, BigDecimal refunds, long automaticRefunds,
        BigDecimal automaticallyRefunded) {

    public Revenue(String currency, BigDecimal gross, BigDecimal refunds) {
        this(currency, gross, refunds, 0, BigDecimal.ZERO);
    }

    public BigDecimal net() {
        return gross.subtract(refunds);
    }

    Revenue plus(Revenue other) {
        return new Revenue(currency, gross.add(other.gross), refunds.add(other.refunds),
                automaticRefunds + other.automaticRefunds, automaticallyRefunded.add(other.automaticallyRefunded));
    }

    /** Adds up amounts of the same currency; currencies in alphabetical order. */
    static List<Revenue> sum(Collection<Revenue> amounts) {
        Map<String, Revenue> byCurrency = new TreeMap<>();
        amounts.forEach(amount -> byCurrency.merge(amount.currency(), amount, Revenue::plus));
        return List.copyOf(byCurrency.values());
    }
}
