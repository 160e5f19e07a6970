package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every state a ticket can be in × every move, and whether it gets its holder in. */
class TicketTransitionsTests {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    enum State {
        RESERVED_FREE, RESERVED_UNPAID, VALID_FREE, VALID_PAID, CANCELLED_FREE, CANCELLED_UNPAID, REFUNDED;

        Ticket build() {
            boolean free = this == RESERVED_FREE || this == VALID_FREE || this == CANCELLED_FREE;
            TicketType type = new TicketType(1L, "Standard", free ? BigDecimal.ZERO : new BigDecimal("20.00"), 10, 5, 0);
            Order order = new Order("GCH-TEST-02", 7L, 1L, "EUR", Locale.ENGLISH, NOW);
            Ticket ticket = new Ticket(order, type, "Grace Hopper", "secret", NOW);
            switch (this) {
                case RESERVED_FREE, RESERVED_UNPAID -> { }
                case VALID_FREE -> ticket.validateFree();
                case VALID_PAID -> ticket.validatePaid();
                case CANCELLED_FREE, CANCELLED_UNPAID -> ticket.cancel();
                case REFUNDED -> {
                    ticket.validatePaid();
                    ticket.refund();
                }
            }
            return ticket;
        }
    }

    enum Move {
        VALIDATE_FREE(Ticket::validateFree), VALIDATE_PAID(Ticket::validatePaid), CANCEL(Ticket::cancel),
        REFUND(Ticket::refund);

        final Consumer<Ticket> action;

        Move(Consumer<Ticket> action) {
            this.action = action;
        }
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}/{3}")
    @CsvSource({
            // state,           move,          lands (status/payment, or REFUSED)
            "RESERVED_FREE,     VALIDATE_FREE, VALID,     FREE",
            "RESERVED_FREE,     VALIDATE_PAID, REFUSED,   ",
            "RESERVED_FREE,     CANCEL,        CANCELLED, FREE",
            "RESERVED_FREE,     REFUND,        REFUSED,   ",
            "RESERVED_UNPAID,   VALIDATE_FREE, REFUSED,   ",
            "RESERVED_UNPAID,   VALIDATE_PAID, VALID,     PAID",
            "RESERVED_UNPAID,   CANCEL,        CANCELLED, PENDING",
            "RESERVED_UNPAID,   REFUND,        REFUSED,   ",
            "VALID_FREE,        VALIDATE_FREE, REFUSED,   ",
            "VALID_FREE,        VALIDATE_PAID, REFUSED,   ",
            "VALID_FREE,        CANCEL,        CANCELLED, FREE",
            "VALID_FREE,        REFUND,        REFUSED,   ",
            "VALID_PAID,        VALIDATE_FREE, REFUSED,   ",
            "VALID_PAID,        VALIDATE_PAID, REFUSED,   ",
            "VALID_PAID,        CANCEL,        CANCELLED, PAID",
            "VALID_PAID,        REFUND,        CANCELLED, REFUNDED",
            "CANCELLED_FREE,    VALIDATE_FREE, REFUSED,   ",
            "CANCELLED_FREE,    VALIDATE_PAID, REFUSED,   ",
            "CANCELLED_FREE,    CANCEL,        REFUSED,   ",
            "CANCELLED_FREE,    REFUND,        REFUSED,   ",
            "CANCELLED_UNPAID,  VALIDATE_FREE, REFUSED,   ",
            "CANCELLED_UNPAID,  VALIDATE_PAID, VALID,     PAID",
            "CANCELLED_UNPAID,  CANCEL,        REFUSED,   ",
            "CANCELLED_UNPAID,  REFUND,        REFUSED,   ",
            "REFUNDED,          VALIDATE_FREE, REFUSED,   ",
            "REFUNDED,          VALIDATE_PAID, REFUSED,   ",
            "REFUNDED,          CANCEL,        REFUSED,   ",
            "REFUNDED,          REFUND,        REFUSED,   ",
    })
    void everyMoveFromEveryState(State state, Move move, String lands, String payment) {
        Ticket ticket = state.build();
        TicketStatus before = ticket.getStatus();
        PaymentStatus paidBefore = ticket.getPaymentStatus();
        if ("REFUSED".equals(lands)) {
            assertThatThrownBy(() -> move.action.accept(ticket)).isInstanceOf(IllegalStateException.class);
            assertThat(ticket.getStatus()).isEqualTo(before);
            assertThat(ticket.getPaymentStatus()).isEqualTo(paidBefore);
        } else {
            move.action.accept(ticket);
            assertThat(ticket.getStatus()).isEqualTo(TicketStatus.valueOf(lands));
            assertThat(ticket.getPaymentStatus()).isEqualTo(PaymentStatus.valueOf(payment));
        }
    }

    @ParameterizedTest(name = "{0} admits: {1}")
    @CsvSource({"RESERVED_FREE, false", "RESERVED_UNPAID, false", "VALID_FREE, true", "VALID_PAID, true",
            "CANCELLED_FREE, false", "CANCELLED_UNPAID, false", "REFUNDED, false"})
    void onlyValidFreeOrPaidTicketsGetTheirHolderIn(State state, boolean admits) {
        assertThat(state.build().admits()).isEqualTo(admits);
    }
}
