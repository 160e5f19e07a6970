package org.guichet.dashboard;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Money received in one currency: {@code gross} is what was paid (payments.amount), {@code refunds} what was
 * refunded or is owed back (payments.refunded_amount), {@code net} the difference.
 */
public record Revenue(String currency, BigDecimal gross, BigDecimal refunds) {

    public BigDecimal net() {
        return gross.subtract(refunds);
    }

    Revenue plus(Revenue other) {
        return new Revenue(currency, gross.add(other.gross), refunds.add(other.refunds));
    }

    /** Adds up amounts of the same currency; currencies in alphabetical order. */
    static List<Revenue> sum(Collection<Revenue> amounts) {
        Map<String, Revenue> byCurrency = new TreeMap<>();
        amounts.forEach(amount -> byCurrency.merge(amount.currency(), amount, Revenue::plus));
        return List.copyOf(byCurrency.values());
    }
}
