package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;

import org.guichet.shared.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every state a ticket type can be in (open or closed, with or without tickets sold), times every action on it:
 * allowed ones land where they should, refused ones throw the refusal the page shows and leave the type as it was;
 * what the page asks ({@code canClose}, {@code canReopen}, {@code canRemove}) agrees with what the action does.
 */
class TicketTypeTransitionsTests {

    enum State {
        OPEN_UNSOLD(false, 0), OPEN_SOLD(false, 3), CLOSED_UNSOLD(true, 0), CLOSED_SOLD(true, 3);

        final boolean closed;
        final int sold;

        State(boolean closed, int sold) {
            this.closed = closed;
            this.sold = sold;
        }
    }

    @ParameterizedTest(name = "{0}: {1} gives {2}")
    @CsvSource(delimiter = '|', value = {
            "OPEN_UNSOLD   | close          | CLOSED_UNSOLD",
            "OPEN_UNSOLD   | reopen         | ticketType.error.notClosed",
            "OPEN_UNSOLD   | removeOneOfTwo | removable",
            "OPEN_UNSOLD   | removeTheLast  | ticketType.error.last",
            "OPEN_UNSOLD   | quantityTo2    | quantity 2",
            "OPEN_UNSOLD   | quantityTo3    | quantity 3",
            "OPEN_UNSOLD   | quantityTo0    | ticketType.error.quantity",
            "OPEN_SOLD     | close          | CLOSED_SOLD",
            "OPEN_SOLD     | reopen         | ticketType.error.notClosed",
            "OPEN_SOLD     | removeOneOfTwo | ticketType.error.hasTickets",
            "OPEN_SOLD     | removeTheLast  | ticketType.error.hasTickets",
            "OPEN_SOLD     | quantityTo2    | ticketType.error.quantity",
            "OPEN_SOLD     | quantityTo3    | quantity 3",
            "OPEN_SOLD     | quantityTo0    | ticketType.error.quantity",
            "CLOSED_UNSOLD | close          | ticketType.error.alreadyClosed",
            "CLOSED_UNSOLD | reopen         | OPEN_UNSOLD",
            "CLOSED_UNSOLD | removeOneOfTwo | removable",
            "CLOSED_UNSOLD | removeTheLast  | ticketType.error.last",
            "CLOSED_UNSOLD | quantityTo2    | quantity 2",
            "CLOSED_UNSOLD | quantityTo3    | quantity 3",
            "CLOSED_UNSOLD | quantityTo0    | ticketType.error.quantity",
            "CLOSED_SOLD   | close          | ticketType.error.alreadyClosed",
            "CLOSED_SOLD   | reopen         | OPEN_SOLD",
            "CLOSED_SOLD   | removeOneOfTwo | ticketType.error.hasTickets",
            "CLOSED_SOLD   | removeTheLast  | ticketType.error.hasTickets",
            "CLOSED_SOLD   | quantityTo2    | ticketType.error.quantity",
            "CLOSED_SOLD   | quantityTo3    | quantity 3",
            "CLOSED_SOLD   | quantityTo0    | ticketType.error.quantity",
    })
    void closesReopensRemovesAndChangesOnlyWhatTheRulesAllow(State state, String action, String expected) {
        TicketType type = typeIn(state);
        List<Object> before = snapshot(type);
        boolean allowed = !expected.startsWith("ticketType.error.");
        Boolean asked = switch (action) {
            case "close" -> type.canClose();
            case "reopen" -> type.canReopen();
            case "removeOneOfTwo" -> type.canRemove(2);
            case "removeTheLast" -> type.canRemove(1);
            default -> null;
        };
        if (asked != null) {
            assertThat(asked).as("what the page is told").isEqualTo(allowed);
        }
        Runnable attempt = switch (action) {
            case "close" -> type::close;
            case "reopen" -> type::reopen;
            case "removeOneOfTwo" -> () -> type.checkRemovable(2);
            case "removeTheLast" -> () -> type.checkRemovable(1);
            case "quantityTo2" -> () -> type.change(details(2));
            case "quantityTo3" -> () -> type.change(details(3));
            case "quantityTo0" -> () -> type.change(details(0));
            default -> throw new IllegalArgumentException(action);
        };

        if (!allowed) {
            Refusal refused = catchThrowableOfType(Refusal.class, attempt::run);
            assertThat(refused).as("%s must be refused", action).isNotNull();
            assertThat(refused.messageKey()).isEqualTo(expected);
            assertThat(snapshot(type)).as("a refusal changes nothing").isEqualTo(before);
            return;
        }
        attempt.run();
        if (expected.startsWith("quantity ")) {
            assertThat(type.getQuantity()).isEqualTo(Integer.parseInt(expected.substring("quantity ".length())));
            assertThat(type.getPrice()).isEqualByComparingTo("15.00");
            assertThat(type.isClosed()).isEqualTo(state.closed);
        } else if ("removable".equals(expected)) {
            assertThat(snapshot(type)).as("the service deletes the row; the type itself is unchanged")
                    .isEqualTo(before);
        } else {
            State landed = State.valueOf(expected);
            assertThat(type.isClosed()).isEqualTo(landed.closed);
            assertThat(type.getSold()).isEqualTo(landed.sold);
            assertThat(type.getQuantity()).isEqualTo(10);
        }
    }

    @ParameterizedTest(name = "a {0} type is copied with its settings and nothing sold")
    @CsvSource({"OPEN_UNSOLD", "OPEN_SOLD", "CLOSED_UNSOLD", "CLOSED_SOLD"})
    void aCopySellsTheSameWayWithNothingSold(State state) {
        TicketType type = typeIn(state);
        TicketType copy = type.copyFor(99L);
        assertThat(copy.getEventId()).isEqualTo(99L);
        assertThat(copy.getSold()).isZero();
        assertThat(List.of(copy.getName(), copy.getPrice(), copy.getQuantity(), copy.getMaxPerOrder(),
                copy.isClosed(), copy.getPosition()))
                .isEqualTo(List.of(type.getName(), type.getPrice(), type.getQuantity(), type.getMaxPerOrder(),
                        type.isClosed(), type.getPosition()));
    }

    private static TicketType typeIn(State state) {
        TicketType type = new TicketType(7L, "Early bird", new BigDecimal("15.00"), 10, 4, 1);
        type.countSold(state.sold);
        if (state.closed) {
            type.close();
        }
        return type;
    }

    private static TicketTypeDetails details(int quantity) {
        return new TicketTypeDetails("Early bird", new BigDecimal("15.00"), quantity, 4, null, null);
    }

    private static List<Object> snapshot(TicketType type) {
        return List.of(type.getName(), type.getPrice(), type.getQuantity(), type.getSold(), type.getMaxPerOrder(),
                type.isClosed());
    }
}
