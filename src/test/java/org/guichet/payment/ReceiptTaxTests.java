package org.guichet.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class ReceiptTaxTests {

    @Test
    void splitsATaxInclusiveTotalToTheCent() {
        ReceiptTax vat = new ReceiptTax("20", "TVA", "");
        assertThat(vat.of(new BigDecimal("45.50"), "EUR")).hasValueSatisfying(share -> {
            assertThat(share.net()).isEqualByComparingTo("37.92");
            assertThat(share.tax()).isEqualByComparingTo("7.58");
            assertThat(share.net().add(share.tax())).isEqualByComparingTo("45.50");
        });
        assertThat(new ReceiptTax("5.5", "", "").of(new BigDecimal("42.20"), "EUR"))
                .hasValueSatisfying(share -> assertThat(share.tax()).isEqualByComparingTo("2.20"));
        assertThat(new ReceiptTax("10", "", "").of(new BigDecimal("1100"), "JPY"))
                .hasValueSatisfying(share -> assertThat(share.tax()).isEqualByComparingTo("100"));
    }

    @Test
    void noRateMeansNoTaxLineAndANonsenseRateStopsTheStart() {
        assertThat(new ReceiptTax("", "", "").of(BigDecimal.TEN, "EUR")).isEmpty();
        assertThatThrownBy(() -> new ReceiptTax("120", "", "")).isInstanceOf(IllegalStateException.class);
    }
}
