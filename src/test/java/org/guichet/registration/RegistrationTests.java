package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.lowagie.text.pdf.PdfReader;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.guichet.account.AccountPrincipal;
import org.guichet.support.Refused;
import org.guichet.shared.Refusal;
import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.shared.NotFound;
import org.guichet.event.Visibility;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.TestEvents;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class RegistrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    ParticipantOrders registrations;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    TicketTypeRepository typeRepository;

    @Autowired
    TicketSigner signer;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TestMail mail;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    User organizer;
    User participant;

    @BeforeEach
    void people() {
        organizer = Accounts.organizer(accounts);
        participant = Accounts.participant(accounts);
    }

    @Test
    void registersForAFreeEventInOneStepAndReceivesTheConfirmation() throws Exception {
        Event event = testEvents.published(organizer, "Apéro des voisins", "Tours");
        long type = standard(event);
        mvc.perform(post("/events/" + event.getId() + "/register").with(csrf())
                        .with(authentication(Accounts.signedIn(participant))).param("qty-" + type, "1"))
                .andExpect(redirectedUrl("/tickets"))
                .andExpect(flash().attributeExists("registered"));

        Ticket ticket = as(participant, () -> registrations.ticketsOf(AccountPrincipal.of(participant))).get(0);
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.VALID);
        assertThat(ticket.getPaymentStatus()).isEqualTo(PaymentStatus.FREE);
        assertThat(ticket.getAttendeeName()).isEqualTo("Camille Test");
        assertThat(ticket.getOrder().getReference()).matches("GCH-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}");
        MimeMessage confirmation = mail.deliverAndRead(participant.getEmail()).get(0);
        assertThat(confirmation.getSubject()).isEqualTo("You are registered for Apéro des voisins");
        MimeMultipart parts = (MimeMultipart) confirmation.getContent();
        List<String> attached = new ArrayList<>();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null) {
                attached.add(part.getFileName() + " " + part.getContentType().split(";")[0]);
                if (part.getFileName().endsWith(".pdf")) {
                    PdfReader pdf = new PdfReader(part.getInputStream());
                    assertThat(pdf.getNumberOfPages()).isEqualTo(1);
                    pdf.close();
                }
            }
        }
        assertThat(attached).hasSize(2).anyMatch(name -> name.endsWith(".pdf application/pdf"))
                .anyMatch(name -> name.endsWith(".ics text/calendar"));

        mvc.perform(get("/tickets").with(authentication(Accounts.signedIn(participant))))
                .andExpect(content().string(containsString("Apéro des voisins")));
        String page = mvc.perform(get("/tickets/" + ticket.getId()).with(authentication(Accounts.signedIn(participant))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String code = page.replaceAll("(?s).*id=\"ticket-code\">([^<]+)<.*", "$1");
        assertThat(signer.verify(code)).hasValueSatisfying(decoded -> {
            assertThat(decoded.ticketId()).isEqualTo(ticket.getId());
            assertThat(decoded.eventId()).isEqualTo(event.getId());
        });
        mvc.perform(get("/tickets/" + ticket.getId() + "/qr.png").with(authentication(Accounts.signedIn(participant))))
                .andExpect(status().isOk());
        byte[] pdf = mvc.perform(get("/tickets/" + ticket.getId() + "/ticket.pdf")
                        .with(authentication(Accounts.signedIn(participant))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        mvc.perform(get("/events/" + event.getId()).with(authentication(Accounts.signedIn(participant))))
                .andExpect(content().string(containsString("You are registered for this event.")));
    }

    @Test
    void publishesThePublicKeySoAnyoneCanCheckATicketOffline() throws Exception {
        String pem = mvc.perform(get("/.well-known/guichet-ticket-key")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        byte[] der = java.util.Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        java.security.PublicKey key = java.security.KeyFactory.getInstance("Ed25519")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(der));
        String code = signer.sign(123, 456, TicketSigner.newSecret(new java.security.SecureRandom()));
        byte[] bytes = java.util.Base64.getUrlDecoder().decode(code.substring(3));
        java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(bytes, 0, bytes.length - 64);
        assertThat(verifier.verify(bytes, bytes.length - 64, 64)).isTrue();
    }

    @Test
    void registersSeveralAttendeesOverTwoTypes() {
        Event event = testEvents.published(organizer, "Journée portes ouvertes", "Caen");
        long standard = standard(event);
        TicketType student = typeRepository.save(new TicketType(event.getId(), "Student", BigDecimal.ZERO, 10, 3, 1));
        Order order = as(participant, () -> registrations.register(AccountPrincipal.of(participant), event.getId(),
                null, Map.of(standard, 2, student.getId(), 3)).order());
        assertThat(order.getTickets()).hasSize(5);
        assertThat(order.getTickets()).extracting(ticket -> ticket.getType().getName())
                .containsExactlyInAnyOrder("Standard", "Standard", "Student", "Student", "Student");
        assertThat(jdbc.queryForObject("select seats_taken from events where id = ?", Integer.class, event.getId()))
                .isEqualTo(5);
    }

    @Test
    void refusesBeyondThePerOrderMaximumAndOutsideTheSaleWindow() {
        Event event = testEvents.published(organizer, "Atelier poterie", "Angers");
        long standard = standard(event);
        assertProblem(event, Map.of(standard, 6), "registration.error.tooMany");
        assertProblem(event, Map.of(standard, 0), "registration.error.nothingChosen");
        assertProblem(event, Map.of(standard, -1), "registration.error.quantity");
        assertProblem(event, Map.of(999_999L, 1), "registration.error.unknownType");
        jdbc.update("update ticket_types set sale_starts_at = ? where id = ?",
                java.sql.Timestamp.from(clock.instant().plus(Duration.ofDays(1))), standard);
        assertProblem(event, Map.of(standard, 1), "registration.error.notOnSale");
        jdbc.update("update ticket_types set sale_starts_at = null, sale_ends_at = ? where id = ?",
                java.sql.Timestamp.from(clock.instant().minus(Duration.ofMinutes(1))), standard);
        assertProblem(event, Map.of(standard, 1), "registration.error.notOnSale");
    }

    @Test
    void refusesStartedCancelledDraftAndPrivateEventsWithoutAccess() {
        Event started = testEvents.published(organizer, "Déjà commencé", "Metz");
        jdbc.update("update events set starts_at = ? where id = ?",
                java.sql.Timestamp.from(clock.instant().minus(Duration.ofMinutes(5))), started.getId());
        assertProblem(started, Map.of(standard(started), 1), "registration.error.started");

        Event cancelled = testEvents.published(organizer, "Annulé", "Metz");
        jdbc.update("update events set status = 'CANCELLED' where id = ?", cancelled.getId());
        assertProblem(cancelled, Map.of(standard(cancelled), 1), "registration.error.cancelled");

        Event draft = testEvents.draft(organizer, testEvents.details("Brouillon", "Metz", "meetup", 5, "0", Visibility.PUBLIC));
        assertThatThrownBy(() -> as(participant, () -> registrations.register(AccountPrincipal.of(participant),
                draft.getId(), null, Map.of(standard(draft), 1)).order())).isInstanceOf(NotFound.class);

        Event secret = testEvents.published(organizer, testEvents.details("Secret", "Metz", "meetup", 5, "0", Visibility.PRIVATE));
        assertThatThrownBy(() -> as(participant, () -> registrations.register(AccountPrincipal.of(participant),
                secret.getId(), null, Map.of(standard(secret), 1)).order())).isInstanceOf(NotFound.class);
        Order withKey = as(participant, () -> registrations.register(AccountPrincipal.of(participant),
                secret.getId(), secret.getPrivateToken(), Map.of(standard(secret), 1)).order());
        assertThat(withKey.getStatus()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void cancellingFreesTheSeatsAtOnceAndTheTicketStopsBeingValid() throws Exception {
        Event event = testEvents.published(organizer, "Conférence jardinage", "Pau");
        Order order = as(participant, () -> registrations.register(AccountPrincipal.of(participant),
                event.getId(), null, Map.of(standard(event), 2)).order());
        long ticketId = order.getTickets().get(0).getId();

        mvc.perform(post("/orders/" + order.getId() + "/cancel").with(csrf())
                        .with(authentication(Accounts.signedIn(participant))))
                .andExpect(redirectedUrl("/tickets"));
        assertThat(jdbc.queryForObject("select seats_taken from events where id = ?", Integer.class, event.getId()))
                .isZero();
        assertThat(jdbc.queryForObject("select sold from ticket_types where event_id = ?", Integer.class, event.getId()))
                .isZero();
        mvc.perform(get("/tickets/" + ticketId).with(authentication(Accounts.signedIn(participant))))
                .andExpect(content().string(containsString("it no longer gets anyone in")))
                .andExpect(content().string(not(containsString("ticket-code"))));

        User other = Accounts.participant(accounts);
        mvc.perform(post("/orders/" + order.getId() + "/cancel").with(csrf())
                .with(authentication(Accounts.signedIn(other)))).andExpect(status().isNotFound());

        mvc.perform(post("/dashboard/events/" + event.getId() + "/delete").with(csrf())
                        .with(authentication(Accounts.signedIn(organizer))))
                .andExpect(Refused.flashed("event.error.deleteWithTickets"));
    }

    @Test
    void onlyTheHolderAndTheOrganizerSeeATicket() throws Exception {
        Event event = testEvents.published(organizer, "Bal populaire", "Nîmes");
        Order order = as(participant, () -> registrations.register(AccountPrincipal.of(participant),
                event.getId(), null, Map.of(standard(event), 1)).order());
        long ticketId = order.getTickets().get(0).getId();
        mvc.perform(get("/tickets/" + ticketId).with(authentication(Accounts.signedIn(organizer))))
                .andExpect(status().isOk());
        User stranger = Accounts.participant(accounts);
        mvc.perform(get("/tickets/" + ticketId).with(authentication(Accounts.signedIn(stranger))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tickets/" + ticketId + "/qr.png").with(authentication(Accounts.signedIn(stranger))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tickets/" + ticketId)).andExpect(status().is3xxRedirection());
    }

    @Test
    void aVisitorsChoiceSurvivesSigningIn() throws Exception {
        Event event = testEvents.published(organizer, "Pique-nique", "Sète");
        long type = standard(event);
        mvc.perform(get("/events/" + event.getId() + "/register").param("qty-" + type, "2"))
                .andExpect(redirectedUrl("/login"));
        String page = mvc.perform(get("/events/" + event.getId() + "/register").param("qty-" + type, "2")
                        .with(authentication(Accounts.signedIn(participant))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page.replaceAll("\\s+", " ")).contains("<option value=\"2\" selected=\"selected\">2</option>");
    }

    private long standard(Event event) {
        return ticketTypes.of(event.getId()).get(0).getId();
    }

    private void assertProblem(Event event, Map<Long, Integer> quantities, String key) {
        assertThatThrownBy(() -> as(participant, () -> registrations.register(AccountPrincipal.of(participant),
                event.getId(), null, quantities).order()))
                .isInstanceOf(Refusal.class)
                .hasMessage(key);
    }

    private <T> T as(User user, java.util.function.Supplier<T> action) {
        return testEvents.as(user, action);
    }
}
