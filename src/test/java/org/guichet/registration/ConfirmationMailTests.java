package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MailParts;
import org.guichet.support.TestEvents;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class ConfirmationMailTests {

    @Autowired
    AccountService accounts;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TestMail mail;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFreeRegistrationWritesOnlyARecipeAndTheMailArrivesWithTheTicketsAndTheCalendarFile() throws Exception {
        User organizer = Accounts.organizer(accounts);
        User participant = Accounts.participant(accounts);
        Event event = testEvents.published(organizer, "Atelier vélo " + System.nanoTime(), "Rennes");
        Order order = testEvents.register(participant, event.getId(), ticketTypes.of(event.getId()).get(0).getId(), 2);

        assertThat(MailParts.unrenderedFor(jdbc, participant.getEmail()))
                .as("the mail, its PDF and its .ics wait to be rendered at delivery").isEqualTo(3);

        MimeMessage confirmation = mail.deliverAndRead(participant.getEmail()).get(0);
        String tickets = MailParts.pdfText(confirmation, "tickets-" + order.getReference());
        assertThat(tickets).contains(event.getTitle()).contains("Camille Test").contains(order.getReference());
        assertThat(tickets.split(order.getReference(), -1)).as("one page per ticket").hasSize(3);
        String calendar = MailParts.text(confirmation, "event-" + event.getId() + ".ics");
        assertThat(calendar).startsWith("BEGIN:VCALENDAR").contains("UID:event-" + event.getId() + "@guichet")
                .contains("SUMMARY:" + event.getTitle()).contains("URL:http://localhost:8080/tickets");
        assertThat(MailParts.unrenderedFor(jdbc, participant.getEmail())).isZero();
    }
}
