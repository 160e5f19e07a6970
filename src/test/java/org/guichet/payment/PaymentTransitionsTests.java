package org.guichet.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Consumer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a payment's refund stands × every move: refunds are owed once, sent or failed only while owed. */
class PaymentTransitionsTests {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    enum State {
        KEPT, OWED, REFUNDED, GAVE_UP;

        Payment build() {
            Payment payment = new Payment(1, 1, new BigDecimal("30.00"), "EUR", "sandbox", "pi_" + name(), "cs_1",
                    NOW, "R-2026-0000001");
            switch (this) {
                case KEPT -> { }
                case OWED -> payment.owesRefund(NOW, Payment.RefundReason.ALREADY_PAID);
                case REFUNDED -> {
                    payment.owesRefund(NOW, Payment.RefundReason.BUYER_CANCELLED);
                    payment.refundSent("re_1");
                }
                case GAVE_UP -> {
                    payment.owesRefund(NOW, Payment.RefundReason.EVENT_CANCELLED);
                    payment.refundFailed(null);
                }
            }
            return payment;
        }
    }

    enum Move {
        OWE(payment -> payment.owesRefund(NOW, Payment.RefundReason.SUPERSEDED)),
        GATEWAY_REFUNDED(payment -> payment.refundedByGateway(NOW)),
        SENT(payment -> payment.refundSent("re_2")),
        FAILED_RETRY(payment -> payment.refundFailed(NOW.plusSeconds(60))),
        FAILED_FOR_GOOD(payment -> payment.refundFailed(null));

        final Consumer<Payment> action;

        Move(Consumer<Payment> action) {
            this.action = action;
        }
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({
            "KEPT,     OWE,              PENDING",
            "KEPT,     GATEWAY_REFUNDED, DONE",
            "KEPT,     SENT,             REFUSED",
            "KEPT,     FAILED_RETRY,     REFUSED",
            "KEPT,     FAILED_FOR_GOOD,  REFUSED",
            "OWED,     OWE,              PENDING",
            "OWED,     GATEWAY_REFUNDED, DONE",
            "OWED,     SENT,             DONE",
            "OWED,     FAILED_RETRY,     PENDING",
            "OWED,     FAILED_FOR_GOOD,  FAILED",
            "REFUNDED, OWE,              DONE",
            "REFUNDED, GATEWAY_REFUNDED, DONE",
            "REFUNDED, SENT,             REFUSED",
            "REFUNDED, FAILED_RETRY,     REFUSED",
            "REFUNDED, FAILED_FOR_GOOD,  REFUSED",
            "GAVE_UP,  OWE,              FAILED",
            "GAVE_UP,  GATEWAY_REFUNDED, DONE",
            "GAVE_UP,  SENT,             REFUSED",
            "GAVE_UP,  FAILED_RETRY,     REFUSED",
            "GAVE_UP,  FAILED_FOR_GOOD,  REFUSED",
    })
    void everyMoveFromEveryState(State state, Move move, String lands) {
        Payment payment = state.build();
        Payment.RefundStatus before = payment.getRefundStatus();
        Payment.RefundReason reasonBefore = payment.getRefundReason();
        if ("REFUSED".equals(lands)) {
            assertThatThrownBy(() -> move.action.accept(payment)).isInstanceOf(IllegalStateException.class);
            assertThat(payment.getRefundStatus()).isEqualTo(before);
        } else {
            move.action.accept(payment);
            assertThat(payment.getRefundStatus()).isEqualTo(Payment.RefundStatus.valueOf(lands));
        }
        if (state != State.KEPT) {
            assertThat(payment.getRefundReason()).as("the first reason stays").isEqualTo(reasonBefore);
        }
        assertThat(payment.isKept()).isEqualTo(payment.getRefundStatus() == Payment.RefundStatus.NONE);
    }
}
