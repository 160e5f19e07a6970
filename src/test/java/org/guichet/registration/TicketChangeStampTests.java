package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * Every move of an order that changes what its tickets let in stamps them, so a scanning app's check-in list asked
 * "since" hears of it (check-ins stamp their own update).
 */
class TicketChangeStampTests {

    private static final Instant CREATED = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant LATER = CREATED.plus(Duration.ofMinutes(7));
    private static final Instant START = CREATED.plus(Duration.ofDays(10));

    @Test
    void aNewTicketIsStampedWhenCreated() {
        assertThat(ticket(order(false)).getChangedAt()).isEqualTo(CREATED);
    }

    @Test
    void confirmingCancellingAndRefundingStampTheTickets() {
        Order free = order(true);
        Ticket freeTicket = ticket(free);
        free.confirmFree(LATER);
        assertThat(freeTicket.getChangedAt()).isEqualTo(LATER);
        free.cancelByBuyer(LATER.plusSeconds(60), START);
        assertThat(freeTicket.getChangedAt()).isEqualTo(LATER.plusSeconds(60));

        Order paid = order(false);
        Ticket paidTicket = ticket(paid);
        paid.hold(LATER);
        paid.confirmPaid(LATER);
        assertThat(paidTicket.getChangedAt()).isEqualTo(LATER);
        paid.refundByBuyer(LATER.plusSeconds(30), true);
        assertThat(paidTicket.getChangedAt()).isEqualTo(LATER.plusSeconds(30));

        Order held = order(false);
        Ticket heldTicket = ticket(held);
        held.hold(LATER);
        held.expire(LATER.plusSeconds(5));
        assertThat(heldTicket.getChangedAt()).isEqualTo(LATER.plusSeconds(5));

        Order closed = order(false);
        Ticket closedTicket = ticket(closed);
        closed.hold(LATER);
        closed.closeForCancelledEvent(LATER.plusSeconds(9));
        assertThat(closedTicket.getChangedAt()).isEqualTo(LATER.plusSeconds(9));
    }

    private static Order order(boolean free) {
        return new Order("GCH-STAMP-" + (free ? "F" : "P"), 7L, 1L, "EUR", Locale.ENGLISH, CREATED);
    }

    private static Ticket ticket(Order order) {
        boolean free = order.getReference().endsWith("F");
        TicketType type = new TicketType(1L, "Standard", free ? BigDecimal.ZERO : new BigDecimal("20.00"), 10, 5, 0);
        Ticket ticket = new Ticket(order, type, "Grace Hopper", "c2VjcmV0c2VjcmV0", CREATED);
        order.add(ticket);
        return ticket;
    }
}
