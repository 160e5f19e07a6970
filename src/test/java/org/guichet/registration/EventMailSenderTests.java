package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.PasswordResetService;
import org.guichet.account.Role;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.EventDetails;
import org.guichet.event.EventService;
import org.guichet.event.Visibility;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.SandboxPayments;
import org.guichet.support.TestEvents;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every mail about an event goes out in its organizer's name ("Léa Organisatrice (Guichet)"): a registration's
 * confirmation and its attendee's ticket, tickets sent again, cancellations, payments and refunds, the event's
 * cancellation, a waiting list's offer and an invitation; account mails stay Guichet's own. Every mail's footer is
 * true for its reader, whether or not they have an account, in English and in French.
 */
@IntegrationTest
class EventMailSenderTests {

    private static final String ORGANIZER = "Léa Organisatrice (Guichet)";
    private static final String FOOTER = "Sent by Guichet about your tickets, your account or an event that concerns you.";
    private static final String FOOTER_FR = "Envoyé par Guichet au sujet de vos billets, de votre compte ou d’un "
            + "événement qui vous concerne.";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    EventService eventService;

    @Autowired
    ParticipantOrders registrations;

    @Autowired
    WaitingLists waitingLists;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    PasswordResetService passwordResets;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TestMail mail;

    @Autowired
    MutableClock clock;

    @Value("${guichet.payments.sandbox.webhook-secret}")
    String secret;

    @Test
    void aRegistrationsMailsToItsBuyerAndToItsAttendeeComeFromTheOrganizerWithAFooterTrueForBoth() throws Exception {
        User organizer = Accounts.organizer("Léa", "Organisatrice");
        Event event = testEvents.published(organizer, "Atelier " + System.nanoTime(), "Tours");
        long type = ticketTypes.of(event.getId()).get(0).getId();
        User buyer = Accounts.participant(accounts);
        String guest = Accounts.uniqueEmail("guest");
        Order order = testEvents.as(buyer, () -> registrations.register(AccountPrincipal.of(buyer), event.getId(),
                null, Map.of(type, 2), List.of(new AttendeeDetails(type, "Ada Guest", guest))).order());
        testEvents.as(buyer, () -> registrations.resendTickets(AccountPrincipal.of(buyer),
                order.getTickets().get(1).getId()));
        testEvents.as(buyer, () -> registrations.cancel(AccountPrincipal.of(buyer), order.getId()));

        List<MimeMessage> toBuyer = mail.deliverAndRead(buyer.getEmail());
        assertThat(toBuyer).extracting(EventMailSenderTests::subject).containsExactly(
                "You are registered for " + event.getTitle(),
                "Your tickets for " + event.getTitle() + " (sent again)",
                "Your registration for " + event.getTitle() + " is cancelled");
        List<MimeMessage> toGuest = mail.deliverAndRead(guest);
        assertThat(toGuest).extracting(EventMailSenderTests::subject).containsExactly(
                "Your ticket for " + event.getTitle(),
                "Your ticket for " + event.getTitle() + " is cancelled");
        for (MimeMessage message : concat(toBuyer, toGuest)) {
            assertThat(sender(message)).as(subject(message)).isEqualTo(ORGANIZER);
            assertThat(ReceivedMail.text(message)).as(subject(message)).contains("-- \n" + FOOTER)
                    .doesNotContain("because of your Guichet account");
            assertThat(ReceivedMail.html(message)).as(subject(message)).contains(FOOTER);
        }

        passwordResets.requestReset(buyer.getEmail());
        MimeMessage reset = mail.deliverAndRead(buyer.getEmail()).get(3);
        assertThat(subject(reset)).isEqualTo("Choose a new Guichet password");
        assertThat(sender(reset)).as("an account mail is Guichet's own").isEqualTo("Guichet");
        assertThat(ReceivedMail.text(reset)).contains(FOOTER);
    }

    @Test
    void paymentsRefundsAndTheEventsCancellationComeFromTheOrganizerInTheBuyersLanguage() throws Exception {
        User organizer = Accounts.organizer("Léa", "Organisatrice");
        Instant start = clock.instant().plus(Duration.ofDays(10));
        Event event = testEvents.published(organizer, new EventDetails("Gala " + System.nanoTime(), "About it",
                "concert", "Salle", null, "Nancy", "France", null, start, start.plus(Duration.ofHours(3)),
                ZoneId.of("Europe/Paris"), 50, new BigDecimal("30.00"), "EUR", Visibility.PUBLIC,
                start.minus(Duration.ofDays(1))));
        long type = ticketTypes.of(event.getId()).get(0).getId();
        SandboxPayments sandbox = new SandboxPayments(mvc, secret, clock);

        User buyer = Accounts.signUp(accounts, Accounts.uniqueEmail("acheteuse"), EnumSet.noneOf(Role.class),
                Locale.FRENCH);
        Order order = testEvents.register(buyer, event.getId(), type, 1);
        String page = mvc.perform(post("/orders/" + order.getId() + "/pay").with(csrf())
                        .with(authentication(Accounts.signedIn(buyer))))
                .andExpect(redirectedUrlPattern("/sandbox/checkout/cs_test_*"))
                .andReturn().getResponse().getRedirectedUrl();
        String session = page.substring(page.lastIndexOf('/') + 1);
        sandbox.deliver(SandboxPayments.completed("evt_a_" + order.getId(), order, session, "pi_a_" + order.getId()))
                .andExpect(status().isOk());
        sandbox.deliver(SandboxPayments.completed("evt_b_" + order.getId(), order, session, "pi_b_" + order.getId()))
                .andExpect(status().isOk());
        testEvents.as(buyer, () -> registrations.cancelForRefund(AccountPrincipal.of(buyer), order.getId()));

        User other = Accounts.participant(accounts);
        sandbox.pay(testEvents.register(other, event.getId(), type, 1));
        testEvents.as(organizer, () -> eventService.cancel(event.getId(), AccountPrincipal.of(organizer)));

        List<MimeMessage> toBuyer = mail.deliverAndRead(buyer.getEmail());
        assertThat(toBuyer).extracting(EventMailSenderTests::subject).containsExactlyInAnyOrder(
                "Vos billets pour " + event.getTitle(),
                "Votre paiement pour " + event.getTitle() + " a été remboursé",
                "Votre commande pour " + event.getTitle() + " est annulée et remboursée");
        List<MimeMessage> toOther = mail.deliverAndRead(other.getEmail());
        assertThat(toOther).extracting(EventMailSenderTests::subject).containsExactly(
                "Your tickets for " + event.getTitle(), event.getTitle() + " is cancelled");
        for (MimeMessage message : concat(toBuyer, toOther)) {
            assertThat(sender(message)).as(subject(message)).isEqualTo(ORGANIZER);
        }
        for (MimeMessage message : toBuyer) {
            assertThat(ReceivedMail.text(message)).as(subject(message)).contains("-- \n" + FOOTER_FR);
            assertThat(ReceivedMail.html(message)).as(subject(message)).contains(FOOTER_FR);
        }
    }

    @Test
    void aWaitingListsOfferAndAnInvitationComeFromTheOrganizer() throws Exception {
        User organizer = Accounts.organizer("Léa", "Organisatrice");
        Event event = testEvents.published(organizer, TestEvents.withCapacity(testEvents.details(
                "Récital " + System.nanoTime(), "Metz", "concert", 6, "0", Visibility.PUBLIC), 1));
        long type = ticketTypes.of(event.getId()).get(0).getId();
        User holder = Accounts.participant(accounts);
        User waiting = Accounts.participant(accounts);
        Order order = testEvents.register(holder, event.getId(), type, 1);
        testEvents.as(waiting, () -> waitingLists.join(AccountPrincipal.of(waiting), event.getId(), null, null));
        testEvents.as(holder, () -> registrations.cancel(AccountPrincipal.of(holder), order.getId()));
        String invited = Accounts.uniqueEmail("invited");
        testEvents.as(organizer, () -> {
            eventService.invite(event.getId(), AccountPrincipal.of(organizer), invited);
            return null;
        });

        MimeMessage offer = mail.deliverAndRead(waiting.getEmail()).get(0);
        assertThat(subject(offer)).isEqualTo("A seat is free for " + event.getTitle());
        assertThat(sender(offer)).isEqualTo(ORGANIZER);
        MimeMessage invitation = mail.deliverAndRead(invited).get(0);
        assertThat(subject(invitation)).isEqualTo("You are invited to " + event.getTitle());
        assertThat(sender(invitation)).isEqualTo(ORGANIZER);
        assertThat(ReceivedMail.text(invitation)).as("someone with no account and no ticket yet").contains(FOOTER);
    }

    private static List<MimeMessage> concat(List<MimeMessage> first, List<MimeMessage> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    private static String sender(MimeMessage message) {
        try {
            return ((InternetAddress) message.getFrom()[0]).getPersonal();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
