package org.guichet.payment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.Visibility;
import org.guichet.registration.Order;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MailParts;
import org.guichet.support.MutableClock;
import org.guichet.support.SandboxPayments;
import org.guichet.support.TestEvents;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class PaymentMailTests {

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

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Value("${guichet.payments.sandbox.webhook-secret}")
    String secret;

    @Test
    void thePaymentWebhookWritesRecipesAndTheMailArrivesWithTheReceiptAndTheTickets() throws Exception {
        User organizer = Accounts.organizer(accounts);
        User buyer = Accounts.participant(accounts);
        Event event = testEvents.published(organizer, testEvents.details("Récital " + System.nanoTime(), "Metz",
                "concert", 10, "30.00", Visibility.PUBLIC));
        Order order = testEvents.register(buyer, event.getId(), ticketTypes.of(event.getId()).get(0).getId(), 2);
        new SandboxPayments(mvc, secret, clock).pay(order);

        assertThat(MailParts.unrenderedFor(jdbc, buyer.getEmail()))
                .as("the mail, its receipt and its tickets wait to be rendered at delivery").isEqualTo(3);

        MimeMessage confirmation = mail.deliverAndRead(buyer.getEmail()).get(0);
        String receipt = MailParts.pdfText(confirmation, "receipt-");
        assertThat(receipt).contains(event.getTitle()).contains(order.getReference()).contains("pi_test_" + order.getId())
                .contains("60.00");
        String tickets = MailParts.pdfText(confirmation, "tickets-" + order.getReference());
        assertThat(tickets).contains(event.getTitle()).contains("Camille Test");
        assertThat(tickets.split(order.getReference(), -1)).as("one page per ticket").hasSize(3);
        assertThat(MailParts.unrenderedFor(jdbc, buyer.getEmail())).isZero();
    }
}
