package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.guichet.shared.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who a ticket is for: what the buyer may type, and when the ticket goes to an address of its own. */
class AttendeeDetailsTests {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    @ParameterizedTest(name = "\"{0}\" accepted: {1}")
    @CsvSource(delimiter = '|', value = {
            "                           | true",
            "ada@example.org            | true",
            "  Ada.Lovelace@Example.ORG | true",
            "ada@example                | false",
            "ada at example.org         | false",
            "ada@@example.org           | false",
            "@example.org               | false",
            "ada@exa mple.org           | false"})
    void anAddressIsBlankOrLooksLikeOne(String email, boolean accepted) {
        assertThat(AttendeeDetails.isAcceptableEmail(email)).isEqualTo(accepted);
    }

    @Test
    void everyRowThatCannotBeKeptIsRefusedAtItsOwnField() {
        String longName = "x".repeat(AttendeeDetails.MAX_NAME + 1);
        String longAddress = "a".repeat(250) + "@example.org";
        assertThatThrownBy(() -> AttendeeDetails.checked(List.of(
                new AttendeeDetails(1, "Ada", "ada@example.org"),
                new AttendeeDetails(1, longName, "nope"),
                new AttendeeDetails(2, "Alan", longAddress))))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.reasons()).containsExactly(
                        new Refusal.Reason("attendees[1].name", "ticket.error.attendeeName"),
                        new Refusal.Reason("attendees[1].email", "ticket.error.attendeeEmail"),
                        new Refusal.Reason("attendees[2].email", "ticket.error.attendeeEmail")));
        assertThat(AttendeeDetails.checked(List.of(new AttendeeDetails(1, "", " ")))).hasSize(1);
    }

    @Test
    void aBlankNameLeavesTheBuyersAndAnAddressIsKeptInLowerCase() {
        assertThat(new AttendeeDetails(1, "  ", null).nameOr("Camille Test")).isEqualTo("Camille Test");
        assertThat(new AttendeeDetails(1, " Ada ", null).nameOr("Camille Test")).isEqualTo("Ada");
        assertThat(ticket(" Ada@Example.ORG ").getAttendeeEmail()).isEqualTo("ada@example.org");
        assertThat(ticket("  ").getAttendeeEmail()).isNull();
    }

    @Test
    void aTicketGoesToItsOwnAddressOnlyWhenItIsNotTheBuyers() {
        assertThat(ticket("ada@example.org").hasOwnAddress("camille@example.org")).isTrue();
        assertThat(ticket("camille@example.org").hasOwnAddress("Camille@Example.org")).isFalse();
        assertThat(ticket(null).hasOwnAddress("camille@example.org")).isFalse();
    }

    @Test
    void readdressingSaysWhetherTheAddressIsANewOne() {
        Ticket ticket = ticket(null);
        assertThat(ticket.readdress("ada@example.org")).isTrue();
        assertThat(ticket.readdress("ADA@example.org ")).as("the same, in another case").isFalse();
        assertThat(ticket.readdress("")).as("taken away").isFalse();
        assertThat(ticket.getAttendeeEmail()).isNull();
        assertThat(ticket.readdress("ada@example.org")).as("given again").isTrue();
    }

    private static Ticket ticket(String email) {
        TicketType type = new TicketType(1L, "Standard", BigDecimal.ZERO, 10, 5, 0);
        Order order = new Order("GCH-TEST-03", 7L, 1L, "EUR", Locale.ENGLISH, NOW);
        return new Ticket(order, type, "Ada Lovelace", email, "secret", NOW);
    }
}
