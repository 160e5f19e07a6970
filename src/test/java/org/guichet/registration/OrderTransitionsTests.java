package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.guichet.shared.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every state an order can be in × every move: allowed ones land where they should, refused ones change nothing. */
class OrderTransitionsTests {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant EVENT_START = NOW.plus(Duration.ofDays(10));

    /** The states, each built through the order's own methods. */
    enum State {
        NEW_FREE, NEW_PAID, HELD, CONFIRMED_FREE, CONFIRMED_PAID, CANCELLED, EXPIRED, REFUNDED, CLOSED_UNPAID;

        Order build() {
            boolean free = this == NEW_FREE || this == CONFIRMED_FREE || this == CANCELLED;
            Order order = order(free);
            switch (this) {
                case NEW_FREE, NEW_PAID -> { }
                case HELD -> order.hold(NOW.plus(Duration.ofMinutes(15)));
                case CONFIRMED_FREE -> order.confirmFree(NOW);
                case CONFIRMED_PAID -> paid(order);
                case CANCELLED -> {
                    order.confirmFree(NOW);
                    order.cancelByBuyer(NOW, EVENT_START);
                }
                case EXPIRED -> {
                    order.hold(NOW.plus(Duration.ofMinutes(15)));
                    order.expire(NOW);
                }
                case REFUNDED -> {
                    paid(order);
                    order.refundByBuyer(NOW, true);
                }
                case CLOSED_UNPAID -> {
                    order.hold(NOW.plus(Duration.ofMinutes(15)));
                    order.closeForCancelledEvent(NOW);
                }
            }
            return order;
        }

        private static void paid(Order order) {
            order.hold(NOW.plus(Duration.ofMinutes(15)));
            order.confirmPaid(NOW);
        }
    }

    /** The moves, as named in the table. */
    enum Move {
        CONFIRM_FREE(order -> order.confirmFree(NOW)),
        HOLD(order -> order.hold(NOW.plus(Duration.ofMinutes(15)))),
        CONFIRM_PAID(order -> order.confirmPaid(NOW)),
        EXPIRE(order -> order.expire(NOW)),
        CANCEL_BY_BUYER(order -> order.cancelByBuyer(NOW, EVENT_START)),
        REFUND_BY_BUYER(order -> order.refundByBuyer(NOW, true)),
        REFUNDED_BY_GATEWAY(order -> order.refundedByGateway(NOW)),
        CLOSE_FOR_CANCELLED_EVENT(order -> order.closeForCancelledEvent(NOW)),
        CHECKOUT(order -> order.checkoutWith("sandbox", "cs_new", NOW));

        final Consumer<Order> action;

        Move(Consumer<Order> action) {
            this.action = action;
        }
    }

    /** What a move does from a state: lands in a status, is refused with a message, or is a programming error. */
    record Outcome(OrderStatus lands, String refusal, boolean illegal) {
        static Outcome to(OrderStatus status) {
            return new Outcome(status, null, false);
        }

        static Outcome refused(String key) {
            return new Outcome(null, key, false);
        }

        static Outcome error() {
            return new Outcome(null, null, true);
        }

        static Outcome unchanged() {
            return new Outcome(null, null, false);
        }
    }

    static Outcome expected(State state, Move move) {
        return switch (move) {
            case CONFIRM_FREE -> state == State.NEW_FREE ? Outcome.to(OrderStatus.CONFIRMED) : Outcome.error();
            case HOLD -> state == State.NEW_PAID ? Outcome.to(OrderStatus.PENDING_PAYMENT) : Outcome.error();
            case CONFIRM_PAID -> state == State.HELD || state == State.EXPIRED || state == State.NEW_PAID
                    ? Outcome.to(OrderStatus.CONFIRMED) : Outcome.error();
            case EXPIRE -> state == State.HELD || state == State.NEW_PAID
                    ? Outcome.to(OrderStatus.EXPIRED) : Outcome.error();
            case CANCEL_BY_BUYER -> switch (state) {
                case CONFIRMED_FREE -> Outcome.to(OrderStatus.CANCELLED);
                case CANCELLED, CLOSED_UNPAID -> Outcome.refused("order.error.alreadyCancelled");
                case REFUNDED -> Outcome.refused("order.error.alreadyRefunded");
                case EXPIRED -> Outcome.refused("order.error.expired");
                case CONFIRMED_PAID -> Outcome.refused("registration.error.paidCancellation");
                default -> Outcome.refused("registration.error.notCancellable");
            };
            case REFUND_BY_BUYER -> switch (state) {
                case CONFIRMED_PAID -> Outcome.to(OrderStatus.REFUNDED);
                case CANCELLED, CLOSED_UNPAID -> Outcome.refused("order.error.alreadyCancelled");
                case REFUNDED -> Outcome.refused("order.error.alreadyRefunded");
                case EXPIRED -> Outcome.refused("order.error.expired");
                default -> Outcome.refused("payment.error.noRefund");
            };
            case REFUNDED_BY_GATEWAY -> state == State.CONFIRMED_PAID ? Outcome.to(OrderStatus.REFUNDED)
                    : Outcome.unchanged();
            case CLOSE_FOR_CANCELLED_EVENT -> switch (state) {
                case CONFIRMED_PAID -> Outcome.to(OrderStatus.REFUNDED);
                case NEW_FREE, NEW_PAID, HELD, CONFIRMED_FREE -> Outcome.to(OrderStatus.CANCELLED);
                default -> Outcome.error();
            };
            case CHECKOUT -> state == State.HELD ? Outcome.to(OrderStatus.PENDING_PAYMENT)
                    : Outcome.refused("payment.error.notPayable");
        };
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (State state : State.values()) {
            for (Move move : Move.values()) {
                rows.add(Arguments.of(state, move));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} --{1}-->")
    @MethodSource("table")
    void everyMoveFromEveryState(State state, Move move) {
        Order order = state.build();
        OrderStatus before = order.getStatus();
        List<TicketStatus> ticketsBefore = order.getTickets().stream().map(Ticket::getStatus).toList();
        Outcome outcome = expected(state, move);
        if (outcome.illegal()) {
            assertThatThrownBy(() -> move.action.accept(order)).isInstanceOf(IllegalStateException.class);
        } else if (outcome.refusal() != null) {
            assertThatThrownBy(() -> move.action.accept(order)).isInstanceOf(Refusal.class)
                    .hasMessage(outcome.refusal());
        } else {
            move.action.accept(order);
        }
        if (outcome.lands() != null) {
            assertThat(order.getStatus()).isEqualTo(outcome.lands());
        } else {
            assertThat(order.getStatus()).as("a refused move changes nothing").isEqualTo(before);
            assertThat(order.getTickets().stream().map(Ticket::getStatus).toList()).isEqualTo(ticketsBefore);
        }
    }

    @Test
    void aPaidOrderIsNeverConfirmedAsFreeAndItsTicketsStayReservedUntilPaid() {
        Order order = order(false);
        assertThatThrownBy(() -> order.confirmFree(NOW)).isInstanceOf(IllegalStateException.class);
        order.hold(NOW.plus(Duration.ofMinutes(15)));
        assertThat(order.getTickets()).allSatisfy(ticket -> assertThat(ticket.admits()).isFalse());
        order.confirmPaid(NOW);
        assertThat(order.getTickets()).allSatisfy(ticket -> {
            assertThat(ticket.getPaymentStatus()).isEqualTo(PaymentStatus.PAID);
            assertThat(ticket.admits()).isTrue();
        });
    }

    @Test
    void aPaymentDecidesByTheOrdersStateAndItsCurrentCheckoutPage() {
        Order held = State.HELD.build();
        held.checkoutWith("sandbox", "cs_current", NOW);
        assertThat(held.decide("cs_current")).isEqualTo(PaymentDecision.CONFIRM);
        assertThat(held.decide("")).isEqualTo(PaymentDecision.CONFIRM);
        assertThat(held.decide("cs_older")).isEqualTo(PaymentDecision.REFUND_SUPERSEDED);
        assertThat(State.EXPIRED.build().decide("")).isEqualTo(PaymentDecision.RETAKE_SEATS);
        assertThat(State.CONFIRMED_PAID.build().decide("")).isEqualTo(PaymentDecision.REFUND_ALREADY_PAID);
        assertThat(State.REFUNDED.build().decide("")).isEqualTo(PaymentDecision.REFUND_ORDER_CLOSED);
        assertThat(State.CLOSED_UNPAID.build().decide("")).isEqualTo(PaymentDecision.REFUND_ORDER_CLOSED);
        assertThat(State.CONFIRMED_FREE.build().decide("")).isEqualTo(PaymentDecision.REFUND_ORDER_CLOSED);
    }

    @Test
    void aHoldIsPayableOnlyUntilItEnds() {
        Order held = State.HELD.build();
        assertThat(held.isPayable(NOW)).isTrue();
        assertThat(held.isPayable(NOW.plus(Duration.ofMinutes(15)))).isFalse();
        assertThat(held.holdIsOver(NOW.plus(Duration.ofMinutes(15)))).isTrue();
        assertThatThrownBy(() -> held.checkoutWith("sandbox", "cs_late", NOW.plus(Duration.ofMinutes(16))))
                .isInstanceOf(Refusal.class).hasMessage("payment.error.notPayable");
    }

    @Test
    void aFreeRegistrationCanBeCancelledOnlyBeforeTheEventStarts() {
        Order order = State.CONFIRMED_FREE.build();
        assertThat(order.canCancel(NOW, EVENT_START)).isTrue();
        assertThat(order.canCancel(EVENT_START, EVENT_START)).isFalse();
        assertThatThrownBy(() -> order.cancelByBuyer(EVENT_START, EVENT_START)).isInstanceOf(Refusal.class)
                .hasMessage("registration.error.startedCancellation");
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void aRefundIsRefusedAfterTheDeadlineAndTheOrderStaysPaid() {
        Order order = State.CONFIRMED_PAID.build();
        assertThatThrownBy(() -> order.refundByBuyer(NOW, false)).isInstanceOf(Refusal.class)
                .hasMessage("payment.error.noRefund");
        assertThat(order.isPaid()).isTrue();
    }

    static Order order(boolean free) {
        TicketType type = new TicketType(1L, "Standard", free ? BigDecimal.ZERO : new BigDecimal("12.50"), 100, 5, 0);
        Order order = new Order("GCH-TEST-01", 7L, 1L, "EUR", Locale.FRENCH, NOW);
        order.add(new Ticket(order, type, "Ada Lovelace", "secret-1", NOW));
        order.add(new Ticket(order, type, "Alan Turing", "secret-2", NOW));
        return order;
    }
}
