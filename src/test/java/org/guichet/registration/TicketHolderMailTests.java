package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.Role;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.Visibility;
import org.guichet.support.Accounts;
import org.guichet.support.Browser;
import org.guichet.support.ClientAddresses;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The mails of ticket holders (issue 14): the buyer's confirmation of a cancelled free registration, an event's
 * cancellation told to every buyer (with the refund of a paid order) and to each attendee who had their own
 * ticket, attendees' own tickets (only theirs, only once the order is confirmed), and tickets sent again.
 */
@IntegrationTest
class TicketHolderMailTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    ParticipantOrders registrations;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TestMail mail;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${guichet.payments.sandbox.webhook-secret}")
    String secret;

    @Test
    void cancellingAFreeRegistrationMailsTheBuyerAConfirmationInTheirLanguage() throws Exception {
        Event event = testEvents.published(Accounts.organizer(accounts), "Atelier reliure " + System.nanoTime(), "Caen");
        User buyer = Accounts.signUp(accounts, Accounts.uniqueEmail("acheteuse"), EnumSet.noneOf(Role.class),
                Locale.FRENCH);
        String attendee = Accounts.uniqueEmail("amie");
        Order order = register(buyer, event, standard(event), 2, List.of(
                new AttendeeDetails(standard(event), "Louise Amie", attendee)));
        assertThat(mail.deliverAndRead(buyer.getEmail())).hasSize(1);
        assertThat(mail.deliverAndRead(attendee)).hasSize(1);

        mvc.perform(post("/orders/" + order.getId() + "/cancel").with(csrf()).with(as(buyer)))
                .andExpect(redirectedUrl("/tickets"));

        List<MimeMessage> received = mail.deliverAndRead(buyer.getEmail());
        assertThat(received).hasSize(2);
        MimeMessage confirmation = received.get(1);
        assertThat(confirmation.getSubject()).isEqualTo("Votre inscription à " + event.getTitle() + " est annulée");
        assertThat(TestMail.text(confirmation))
                .contains("votre inscription " + order.getReference() + " à « " + event.getTitle() + " »")
                .contains("2 billets annulés")
                .contains("- Standard · Louise Amie").contains("- Standard · Camille Test")
                .contains("il n’y a rien à rembourser");
        assertThat(TestMail.body(confirmation)).as("in HTML too").contains("Content-Type: text/html");

        List<MimeMessage> told = mail.deliverAndRead(attendee);
        assertThat(told).as("the attendee's ticket, then word that it no longer counts").hasSize(2);
        assertThat(told.get(1).getSubject()).isEqualTo("Votre billet pour " + event.getTitle() + " est annulé");
        assertThat(TestMail.text(told.get(1))).contains("Camille Test a annulé l’inscription")
                .contains("Votre billet (commande " + order.getReference() + ") ne permet plus d’entrer.");
    }

    @Test
    void cancellingAnEventTellsEveryBuyerTheirRefundOrThatAFreeOrderIsSimplyCancelledAndEachAttendee()
            throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event event = testEvents.published(organizer, testEvents.details("Gala " + System.nanoTime(), "Nancy",
                "conference", 9, "40.00", Visibility.PUBLIC));
        long paidType = standard(event);
        long freeType = testEvents.as(organizer, () -> ticketTypes.add(event.getId(), AccountPrincipal.of(organizer),
                new TicketTypeDetails("Guest", BigDecimal.ZERO, 20, 4, null, null))).getId();

        User payer = Accounts.participant(accounts);
        String payersGuest = Accounts.uniqueEmail("guest-of-payer");
        Order paid = register(payer, event, paidType, 2, List.of(new AttendeeDetails(paidType, "Ada Guest", payersGuest)));
        sandbox().pay(paid);
        User freeBuyer = Accounts.signUp(accounts, Accounts.uniqueEmail("invitee"), EnumSet.noneOf(Role.class),
                Locale.FRENCH);
        String freeGuest = Accounts.uniqueEmail("guest-of-free");
        Order free = register(freeBuyer, event, freeType, 2, List.of(new AttendeeDetails(freeType, "Alan Guest", freeGuest)));
        User waiting = Accounts.participant(accounts);
        String unpaidGuest = Accounts.uniqueEmail("guest-of-unpaid");
        Order unpaid = register(waiting, event, paidType, 1, List.of(new AttendeeDetails(paidType, "Grace Guest",
                unpaidGuest)));
        for (String address : List.of(payer.getEmail(), payersGuest, freeBuyer.getEmail(), freeGuest, waiting.getEmail())) {
            mail.deliverAndRead(address);
        }
        int before = mail.deliverAndRead(payersGuest).size();
        // ordered in English, then chose French: told in the language of today
        testEvents.as(waiting, () -> accounts.updateProfile(waiting.getId(), waiting.getFirstName(),
                waiting.getLastName(), Locale.FRENCH));

        mvc.perform(post("/dashboard/events/" + event.getId() + "/cancel").with(csrf()).with(as(organizer)))
                .andExpect(status().is3xxRedirection());

        MimeMessage toPayer = last(mail.deliverAndRead(payer.getEmail()));
        assertThat(toPayer.getSubject()).isEqualTo(event.getTitle() + " is cancelled");
        assertThat(TestMail.text(toPayer)).contains(paid.getReference())
                .contains("Your payment of €80.00 is refunded in full").doesNotContain("was free");
        MimeMessage toFreeBuyer = last(mail.deliverAndRead(freeBuyer.getEmail()));
        assertThat(toFreeBuyer.getSubject()).isEqualTo(event.getTitle() + " est annulé");
        assertThat(TestMail.text(toFreeBuyer)).contains(free.getReference())
                .contains("Votre inscription était gratuite : elle est simplement annulée").doesNotContain("intégralement remboursé");
        MimeMessage toWaiting = last(mail.deliverAndRead(waiting.getEmail()));
        assertThat(TestMail.text(toWaiting)).contains(unpaid.getReference()).contains("rien n’a été débité");
        assertThat(org.guichet.support.MailParts.text(toPayer, "event-"))
                .as("the calendar file tells calendars the event is off").contains("STATUS:CANCELLED");

        List<MimeMessage> payersGuestMails = mail.deliverAndRead(payersGuest);
        assertThat(payersGuestMails).hasSize(before + 1);
        assertThat(last(payersGuestMails).getSubject()).isEqualTo("Your ticket for " + event.getTitle() + " is cancelled");
        assertThat(TestMail.text(last(payersGuestMails))).contains("has been cancelled by its organizer")
                .contains("which Camille Test registered you for");
        assertThat(last(mail.deliverAndRead(freeGuest)).getSubject())
                .isEqualTo("Votre billet pour " + event.getTitle() + " est annulé");
        assertThat(mail.deliverAndRead(unpaidGuest)).as("never had a ticket, so is told nothing").isEmpty();
    }

    @Test
    void anAttendeeAddressThatIsNotOneIsRefusedBesideItsFieldWithEverythingTypedKept() throws Exception {
        Event event = testEvents.published(Accounts.organizer(accounts), "Brunch " + System.nanoTime(), "Albi");
        User buyer = Accounts.participant(accounts);
        long type = standard(event);
        mvc.perform(get("/events/" + event.getId()).with(as(buyer)))
                .andExpect(content().string(containsString("name=\"attendeesFirst\"")));
        String rows = mvc.perform(post("/events/" + event.getId() + "/register").with(csrf()).with(as(buyer))
                        .param("qty-" + type, "2").param("attendeesFirst", "1"))
                .andExpect(status().isOk()).andExpect(view().name("registration/confirm"))
                .andReturn().getResponse().getContentAsString();
        assertThat(rows).as("the event page's second button: a row per ticket chosen, nothing registered yet")
                .contains("name=\"attendee-" + type + "-1-email\"").contains("name=\"attendee-" + type + "-2-email\"")
                .doesNotContain("attendee-" + type + "-3-email");

        String page = mvc.perform(post("/events/" + event.getId() + "/register").with(csrf()).with(as(buyer))
                        .param("qty-" + type, "2")
                        .param("attendee-" + type + "-1-name", "Ada Lovelace")
                        .param("attendee-" + type + "-1-email", "ada at example dot org")
                        .param("attendee-" + type + "-2-name", "Alan Turing")
                        .param("attendee-" + type + "-2-email", "alan@example.org"))
                .andExpect(status().isOk()).andExpect(view().name("registration/confirm"))
                .andReturn().getResponse().getContentAsString();

        String field = "attendee-" + type + "-1-email";
        assertThat(page).containsPattern("class=\"[^\"]*is-invalid[^\"]*\"[^>]*id=\"" + field
                        + "\"[^>]*value=\"ada at example dot org\"")
                .contains("id=\"" + field + "-error\" class=\"invalid-feedback\">Enter a valid email address")
                .contains("value=\"Ada Lovelace\"").contains("value=\"Alan Turing\"").contains("value=\"alan@example.org\"");
        assertThat(page.replaceAll("\\s+", " ")).contains("<option value=\"2\" selected=\"selected\">2</option>");
        assertThat(page.split("invalid-feedback", -1)).as("one problem, beside its own field").hasSize(2);
        assertThat(jdbc.queryForObject("select count(*) from orders where user_id = ?", Integer.class, buyer.getId()))
                .isZero();
    }

    @Test
    void eachAttendeeWithTheirOwnAddressReceivesOnlyTheirTicketsOnceAndTheBuyersOwnAddressNothingMore()
            throws Exception {
        Event event = testEvents.published(Accounts.organizer(accounts), "Concert " + System.nanoTime(), "Dijon");
        User buyer = Accounts.participant(accounts);
        long type = standard(event);
        String ada = Accounts.uniqueEmail("ada");
        mvc.perform(post("/events/" + event.getId() + "/register").with(csrf()).with(as(buyer))
                        .param("qty-" + type, "4")
                        .param("attendee-" + type + "-1-name", "Ada Lovelace")
                        .param("attendee-" + type + "-1-email", ada)
                        .param("attendee-" + type + "-2-name", "Byron Lovelace")
                        .param("attendee-" + type + "-2-email", " " + ada.toUpperCase(Locale.ROOT) + " ")
                        .param("attendee-" + type + "-3-name", "Me Again")
                        .param("attendee-" + type + "-3-email", buyer.getEmail().toUpperCase(Locale.ROOT)))
                .andExpect(redirectedUrl("/tickets"));
        Order order = testEvents.as(buyer, () -> registrations.ticketsOf(AccountPrincipal.of(buyer))).get(0).getOrder();
        assertThat(jdbc.queryForList("select attendee_name || '/' || coalesce(attendee_email, '-') from tickets "
                + "where order_id = ? order by id", String.class, order.getId())).containsExactly(
                "Ada Lovelace/" + ada, "Byron Lovelace/" + ada, "Me Again/" + buyer.getEmail(), "Camille Test/-");

        List<MimeMessage> adas = mail.deliverAndRead(ada);
        assertThat(adas).as("one mail for one address, whatever its case").hasSize(1);
        MimeMessage own = adas.get(0);
        assertThat(own.getSubject()).isEqualTo("Your ticket for " + event.getTitle());
        assertThat(TestMail.text(own)).startsWith("Hello Ada Lovelace,")
                .contains("Camille Test registered you for “" + event.getTitle() + "”")
                .contains("Your 2 tickets are attached").contains(order.getReference());
        assertThat(attachments(own)).containsExactly("ticket-" + order.getReference() + ".pdf");
        String pdf = MailParts.pdfText(own, "ticket-" + order.getReference());
        assertThat(pdf).contains("Ada Lovelace").contains("Byron Lovelace").doesNotContain("Me Again")
                .doesNotContain("Camille Test");
        assertThat(pdf.split(order.getReference(), -1)).as("one page per ticket of theirs").hasSize(3);

        List<MimeMessage> buyers = mail.deliverAndRead(buyer.getEmail());
        assertThat(buyers).as("the confirmation only: the third ticket is the buyer's own address").hasSize(1);
        assertThat(MailParts.pdfText(buyers.get(0), "tickets-" + order.getReference()))
                .contains("Ada Lovelace").contains("Me Again").contains("Camille Test");
    }

    @Test
    void aPaidOrdersAttendeeGetsTheirTicketOnlyOnceThePaymentIsConfirmed() throws Exception {
        Event event = testEvents.published(Accounts.organizer(accounts), testEvents.details(
                "Dîner " + System.nanoTime(), "Lille", "conference", 8, "25.00", Visibility.PUBLIC));
        User buyer = Accounts.signUp(accounts, Accounts.uniqueEmail("payeuse"), EnumSet.noneOf(Role.class),
                Locale.FRENCH);
        String guest = Accounts.uniqueEmail("invite");
        Order order = register(buyer, event, standard(event), 2, List.of(
                new AttendeeDetails(standard(event), "Marie Curie", guest)));
        assertThat(order.isAwaitingPayment()).isTrue();
        assertThat(mail.deliverAndRead(guest)).as("nothing before the payment").isEmpty();

        sandbox().pay(order);

        List<MimeMessage> received = mail.deliverAndRead(guest);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("Votre billet pour " + event.getTitle());
        assertThat(TestMail.text(received.get(0))).startsWith("Bonjour Marie Curie,").contains("Votre billet est joint");
        String pdf = MailParts.pdfText(received.get(0), "ticket-" + order.getReference());
        assertThat(pdf).contains("Marie Curie").doesNotContain("Camille Test").contains("Valide");
    }

    @Test
    void namingATicketOnItsPageWithSomeoneElsesAddressSendsItToThemAndARefusedAddressKeepsWhatWasTyped()
            throws Exception {
        Event event = testEvents.published(Accounts.organizer(accounts), "Visite " + System.nanoTime(), "Arles");
        User buyer = Accounts.participant(accounts);
        Order order = testEvents.register(buyer, event.getId(), standard(event), 2);
        long ticket = order.getTickets().get(1).getId();
        mail.deliverAndRead(buyer.getEmail());

        Browser browser = new Browser(mvc);
        browser.perform(post("/tickets/" + ticket + "/attendee").with(csrf()).with(as(buyer))
                        .param("attendeeName", "Jeanne Martin").param("attendeeEmail", "jeanne@"))
                .andExpect(redirectedUrl("/tickets/" + ticket))
                .andExpect(flash().attribute("attendeeProblems", Map.of("attendeeEmail", "ticket.error.attendeeEmail")));
        browser.perform(get("/tickets/" + ticket).with(as(buyer)))
                .andExpect(content().string(containsString("value=\"jeanne@\"")))
                .andExpect(content().string(containsString("value=\"Jeanne Martin\"")))
                .andExpect(content().string(containsString("Enter a valid email address")));
        assertThat(jdbc.queryForObject("select attendee_name from tickets where id = ?", String.class, ticket))
                .isEqualTo("Camille Test");

        String jeanne = Accounts.uniqueEmail("jeanne");
        mvc.perform(post("/tickets/" + ticket + "/attendee").with(csrf()).with(as(buyer))
                        .param("attendeeName", "Jeanne Martin").param("attendeeEmail", jeanne))
                .andExpect(flash().attribute("saved", "ticket.attendeeSaved"));
        List<MimeMessage> received = mail.deliverAndRead(jeanne);
        assertThat(received).as("sent when the address is new").hasSize(1);
        assertThat(MailParts.pdfText(received.get(0), "ticket-" + order.getReference())).contains("Jeanne Martin")
                .doesNotContain("Camille Test");

        mvc.perform(post("/tickets/" + ticket + "/attendee").with(csrf()).with(as(buyer))
                        .param("attendeeName", "Jeanne M.").param("attendeeEmail", jeanne.toUpperCase(Locale.ROOT)))
                .andExpect(flash().attribute("saved", "ticket.attendeeSaved"));
        assertThat(mail.deliverAndRead(jeanne)).as("not again for the same address in another case").hasSize(1);
        assertThat(mail.deliverAndRead(buyer.getEmail())).as("the buyer's confirmation only").hasSize(1);
    }

    @Test
    void theBuyerHasTheirTicketsSentAgainAndAnyoneElseIsToldTheTicketDoesNotExist() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event event = testEvents.published(organizer, "Salon " + System.nanoTime(), "Brest");
        User buyer = Accounts.participant(accounts);
        Order order = testEvents.register(buyer, event.getId(), standard(event), 2);
        long ticket = order.getTickets().get(0).getId();
        assertThat(mail.deliverAndRead(buyer.getEmail())).hasSize(1);

        mvc.perform(post("/tickets/" + ticket + "/resend").with(csrf()).with(as(buyer)).with(from(ClientAddresses.unique())))
                .andExpect(redirectedUrl("/tickets/" + ticket))
                .andExpect(flash().attribute("saved", "ticket.resent"));
        List<MimeMessage> received = mail.deliverAndRead(buyer.getEmail());
        assertThat(received).hasSize(2);
        MimeMessage again = received.get(1);
        assertThat(again.getSubject()).isEqualTo("Your tickets for " + event.getTitle() + " (sent again)");
        assertThat(TestMail.text(again)).contains("here are your tickets for “" + event.getTitle() + "”")
                .contains(order.getReference());
        assertThat(MailParts.pdfText(again, "tickets-" + order.getReference()).split(order.getReference(), -1))
                .as("every ticket of the order").hasSize(3);

        mvc.perform(post("/tickets/" + ticket + "/resend").with(csrf()).with(as(Accounts.participant(accounts)))
                .with(from(ClientAddresses.unique()))).andExpect(status().isNotFound());
        mvc.perform(post("/tickets/" + ticket + "/resend").with(csrf()).with(as(organizer))
                .with(from(ClientAddresses.unique()))).andExpect(status().isNotFound());
        assertThat(mail.deliverAndRead(buyer.getEmail())).hasSize(2);
        mvc.perform(get("/tickets/" + ticket).with(as(buyer)))
                .andExpect(content().string(containsString("/tickets/" + ticket + "/resend")));

        mvc.perform(post("/orders/" + order.getId() + "/cancel").with(csrf()).with(as(buyer)));
        mvc.perform(post("/tickets/" + ticket + "/resend").with(csrf()).with(as(buyer)).with(from(ClientAddresses.unique())))
                .andExpect(redirectedUrl("/tickets/" + ticket))
                .andExpect(org.guichet.support.Refused.flashed("ticket.error.notResendable"));
        mvc.perform(get("/tickets/" + ticket).with(as(buyer)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/resend"))));
    }

    @Test
    void askingTooOftenIsAnsweredWithAMessageAndSendsNothingMore() throws Exception {
        Event event = testEvents.published(Accounts.organizer(accounts), "Foire " + System.nanoTime(), "Agen");
        User buyer = Accounts.participant(accounts);
        long ticket = testEvents.register(buyer, event.getId(), standard(event), 1).getTickets().get(0).getId();
        String address = ClientAddresses.unique();
        int allowed = 5; // guichet.rate-limits.ticket-resend.per-account
        for (int i = 0; i < allowed; i++) {
            mvc.perform(post("/tickets/" + ticket + "/resend").with(csrf()).with(as(buyer)).with(from(address)))
                    .andExpect(redirectedUrl("/tickets/" + ticket));
        }
        mvc.perform(post("/tickets/" + ticket + "/resend").with(csrf()).with(as(buyer)).with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Too many requests in a short time. Please try again")));
        assertThat(mail.deliverAndRead(buyer.getEmail())).as("the confirmation and five sent again")
                .hasSize(1 + allowed);
    }

    private Order register(User buyer, Event event, long type, int count, List<AttendeeDetails> attendees) {
        return testEvents.as(buyer, () -> registrations.register(AccountPrincipal.of(buyer), event.getId(), null,
                Map.of(type, count), attendees).order());
    }

    private long standard(Event event) {
        return ticketTypes.of(event.getId()).get(0).getId();
    }

    private SandboxPayments sandbox() {
        return new SandboxPayments(mvc, secret, clock);
    }

    private static RequestPostProcessor as(User user) {
        return authentication(Accounts.signedIn(user));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static MimeMessage last(List<MimeMessage> messages) {
        assertThat(messages).isNotEmpty();
        return messages.get(messages.size() - 1);
    }

    private static List<String> attachments(MimeMessage message) throws Exception {
        MimeMultipart parts = (MimeMultipart) message.getContent();
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null) {
                names.add(part.getFileName());
            }
        }
        return names;
    }
}
