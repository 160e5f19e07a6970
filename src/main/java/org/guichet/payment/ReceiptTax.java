package org.guichet.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The tax shown on receipts when one is configured ({@code guichet.receipts.tax-rate} in percent, with its name
 * and the seller's tax number). Ticket prices include it, as consumer prices do: the receipt shows how much of
 * the total it is.
 */
@Component
class ReceiptTax {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal ratePercent;
    private final String name;
    private final String sellerTaxNumber;

    ReceiptTax(@Value("${guichet.receipts.tax-rate:}") String ratePercent,
            @Value("${guichet.receipts.tax-name:}") String name,
            @Value("${guichet.receipts.seller-tax-number:}") String sellerTaxNumber) {
        this.ratePercent = ratePercent.isBlank() ? null : new BigDecimal(ratePercent.trim());
        if (this.ratePercent != null && (this.ratePercent.signum() < 0 || this.ratePercent.compareTo(HUNDRED) > 0)) {
            throw new IllegalStateException("guichet.receipts.tax-rate must be a percentage between 0 and 100");
        }
        this.name = name.isBlank() ? null : name.trim();
        this.sellerTaxNumber = sellerTaxNumber.isBlank() ? null : sellerTaxNumber.trim();
    }

    Optional<Share> of(BigDecimal total, String currency) {
        if (ratePercent == null) {
            return Optional.empty();
        }
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal net = total.multiply(HUNDRED).divide(HUNDRED.add(ratePercent), digits, RoundingMode.HALF_UP);
        return Optional.of(new Share(ratePercent.stripTrailingZeros(), net, total.subtract(net)));
    }

    Optional<String> name() {
        return Optional.ofNullable(name);
    }

    Optional<String> sellerTaxNumber() {
        return Optional.ofNullable(sellerTaxNumber);
    }

    /** How a tax-inclusive total splits: the amount before tax and the tax in it. */
    record Share(BigDecimal ratePercent, BigDecimal net, BigDecimal tax) {
    }
}
