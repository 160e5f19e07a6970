package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.Role;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.event.Event;
import org.guichet.notification.MailKind;
import org.guichet.notification.MailPreferences;
import org.guichet.support.Accounts;
import org.guichet.support.ClientAddresses;
import org.guichet.support.IntegrationTest;
import org.guichet.support.TestEvents;
import org.guichet.support.TestMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An organizer writes to an event's ticket holders from the attendee page: the preview (count and escaped text),
 * the audiences (all, one ticket type, not checked in), one mail per address in each holder's language, sent in the
 * organizer's name with replies to them, opted-out holders skipped, validation beside the fields, the per-event
 * limit, the audit entry, and 404 for anyone but the event's organizer and administrators.
 *
 * <p>The world: a free event with a "Standard" and a "VIP" type. Alice (English) holds a Standard ticket and is
 * checked in; Bruno (French) holds a Standard and a VIP ticket from two orders; Carla holds a Standard ticket and
 * switched organizers' messages off; Dora cancelled her registration.
 */
@IntegrationTest
class AttendeeMessageTests {

    private static final String HOSTILE = "Doors open at 7 <b>sharp</b>\n<script>alert('x')</script> & \"bring\" it\n\n"
            + "Second paragraph.";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    ParticipantOrders orders;

    @Autowired
    CheckIns checkIns;

    @Autowired
    MailPreferences preferences;

    @Autowired
    TestMail mail;

    @Autowired
    JdbcTemplate jdbc;

    User organizer;
    Event event;
    long standard;
    long vip;
    User alice;
    User bruno;
    User carla;
    User dora;

    @BeforeEach
    void world() {
        organizer = Accounts.organizer(accounts);
        event = testEvents.published(organizer, "Jazz " + System.nanoTime(), "Nantes");
        standard = ticketTypes.of(event.getId()).get(0).getId();
        vip = testEvents.as(organizer, () -> ticketTypes.add(event.getId(), AccountPrincipal.of(organizer),
                new TicketTypeDetails("VIP", BigDecimal.ZERO, 10, 2, null, null))).getId();
        alice = Accounts.participant(accounts);
        bruno = Accounts.signUp(accounts, Accounts.uniqueEmail("bruno"), EnumSet.noneOf(Role.class), Locale.FRENCH);
        carla = Accounts.participant(accounts);
        dora = Accounts.participant(accounts);
        Order aliceOrder = testEvents.register(alice, event.getId(), standard, 1);
        testEvents.register(bruno, event.getId(), standard, 1);
        testEvents.register(bruno, event.getId(), vip, 1);
        testEvents.register(carla, event.getId(), standard, 1);
        Order doraOrder = testEvents.register(dora, event.getId(), standard, 1);
        testEvents.as(dora, () -> orders.cancel(AccountPrincipal.of(dora), doraOrder.getId()));
        long aliceTicket = jdbc.queryForObject("select id from tickets where order_id = ?", Long.class,
                aliceOrder.getId());
        testEvents.as(organizer, () -> checkIns.checkInChosen(event.getId(), AccountPrincipal.of(organizer),
                aliceTicket));
        preferences.choose(carla.getEmail(), MailKind.ORGANIZER_MESSAGE, false);
    }

    @Test
    void theAttendeePageLeadsToTheFormAndThePreviewShowsTheCountAndTheEscapedText() throws Exception {
        mvc.perform(get(path("")).with(as(organizer)))
                .andExpect(content().string(containsString("id=\"attendees-write\"")))
                .andExpect(content().string(containsString(path("/message") + "?audience=all")));
        mvc.perform(get(path("?checkin=out")).with(as(organizer)))
                .andExpect(content().string(containsString(path("/message") + "?audience=not-checked-in")));
        mvc.perform(get(path("/message")).param("audience", "type-" + vip).with(as(organizer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"type-" + vip + "\" selected=\"selected\">")));

        String page = mvc.perform(post(path("/message/preview")).with(csrf()).with(as(organizer))
                        .param("audience", "all").param("subject", "Doors <at> seven").param("text", HOSTILE))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        Document preview = Jsoup.parse(page);
        preview.outputSettings().prettyPrint(false);
        assertThat(preview.getElementById("message-recipients").text())
                .as("Carla switched organizers' messages off: not counted").isEqualTo("2 people will receive this message.");
        assertThat(preview.getElementById("message-send").text()).isEqualTo("Send to 2 people");
        String body = preview.getElementById("message-preview-body").html();
        assertThat(body).contains("Doors open at 7 &lt;b&gt;sharp&lt;/b&gt;<br>&lt;script&gt;alert('x')&lt;/script&gt;"
                + " &amp; \"bring\" it").contains("<p>Second paragraph.</p>")
                .doesNotContain("<script>", "<b>");
        assertThat(preview.getElementById("message-preview-subject").text())
                .isEqualTo("[" + event.getTitle() + "] Doors <at> seven");
        assertThat(page).contains("Camille Test (Guichet)", organizer.getEmail());
        assertThat(preview.select("#message-preview form input[name=text]").val())
                .as("Send carries exactly what was previewed").isEqualTo(HOSTILE.replace("\r\n", "\n"));
        assertThat(preview.getElementById("text").wholeText()).as("the form keeps the text").isEqualTo(HOSTILE);
        assertThat(outboxCount()).as("a preview sends nothing").isZero();
    }

    @Test
    void sendingReachesEachAudienceOncePerAddressInTheirLanguageFromTheOrganizer() throws Exception {
        // the flash message lives in the session (Spring Session's cookie) until the attendee page shows it
        Cookie session = send("all", "Doors at seven", HOSTILE)
                .andExpect(redirectedUrl(path("")))
                .andExpect(flash().attribute("messageWritten", 2))
                .andExpect(flash().attribute("messageSkipped", 1))
                .andReturn().getResponse().getCookie("SESSION");

        mvc.perform(get(path("")).cookie(session).with(as(organizer)))
                .andExpect(content().string(containsString("Your message is on its way to 2 people; 1 ticket holder "
                        + "who stopped organizers’ messages was skipped.")));

        MimeMessage toAlice = only(alice);
        assertThat(toAlice.getSubject()).isEqualTo("[" + event.getTitle() + "] Doors at seven");
        InternetAddress from = (InternetAddress) toAlice.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Camille Test (Guichet)");
        assertThat(((InternetAddress) toAlice.getReplyTo()[0]).getAddress()).isEqualTo(organizer.getEmail());
        assertThat(toAlice.getHeader("List-Unsubscribe")).isNotNull();
        String text = TestMail.text(toAlice).replace("\r\n", "\n");
        assertThat(text).contains("Camille Test, who organizes “" + event.getTitle() + "”, writes to the ticket holders:")
                .contains(HOSTILE).contains("See my tickets: http://localhost:8080/tickets");
        String body = TestMail.body(toAlice).replace("=\r\n", "").replace("=3D", "=");
        String html = body.substring(body.indexOf("<!DOCTYPE html>"));
        assertThat(html).contains("7 &lt;b&gt;sharp&lt;/b&gt;<br>&lt;script&gt;alert(").doesNotContain("<script>", "<b>");

        MimeMessage toBruno = only(bruno);
        assertThat(TestMail.text(toBruno)).as("in the language of Bruno's order")
                .contains("Camille Test, qui organise « " + event.getTitle() + " », écrit aux détenteurs de billets :");
        assertThat(messages(carla)).as("switched organizers' messages off").isEmpty();
        assertThat(messages(dora)).as("no valid ticket any more").isEmpty();

        send("type-" + vip, "VIP lounge", "Upstairs.").andExpect(flash().attribute("messageWritten", 1));
        assertThat(messages(bruno)).hasSize(2);
        assertThat(messages(alice)).as("holds no VIP ticket").hasSize(1);

        send("not-checked-in", "Still coming?", "We wait for you.")
                .andExpect(flash().attribute("messageWritten", 1))
                .andExpect(flash().attribute("messageSkipped", 1));
        assertThat(messages(bruno)).hasSize(3);
        assertThat(messages(alice)).as("already checked in").hasSize(1);

        assertThat(jdbc.queryForList("select detail from event_audit where event_id = ? and action = ?"
                + " and actor_id = ? order by id", String.class, event.getId(), "MESSAGED_ATTENDEES", organizer.getId()))
                .containsExactly("audience=all; recipients=2; subject=Doors at seven",
                        "audience=type-" + vip + "; recipients=1; subject=VIP lounge",
                        "audience=not-checked-in; recipients=1; subject=Still coming?");
    }

    @Test
    void attendeesAtTheirOwnAddressAreWrittenToOnceEachTheAudienceChosenPerTicket() throws Exception {
        User erin = Accounts.signUp(accounts, Accounts.uniqueEmail("erin"), EnumSet.noneOf(Role.class),
                Locale.FRENCH);
        String zoe = Accounts.uniqueEmail("zoe");
        Order erinOrder = testEvents.as(erin, () -> orders.register(AccountPrincipal.of(erin), event.getId(), null,
                java.util.Map.of(standard, 1, vip, 1), List.of(new AttendeeDetails(vip, "Zoe Guest", zoe),
                        new AttendeeDetails(standard, "Alice Again", alice.getEmail().toUpperCase(Locale.ROOT))))
                .order());
        mail.deliverAndRead(zoe);

        send("all", "Doors at seven", "Hello").andExpect(flash().attribute("messageWritten", 4))
                .andExpect(flash().attribute("messageSkipped", 1));
        MimeMessage toZoe = only(zoe);
        assertThat(((InternetAddress) toZoe.getFrom()[0]).getPersonal()).isEqualTo("Camille Test (Guichet)");
        assertThat(((InternetAddress) toZoe.getReplyTo()[0]).getAddress()).isEqualTo(organizer.getEmail());
        String text = TestMail.text(toZoe).replace("\r\n", "\n");
        assertThat(text).as("in the language of the order that gave Zoe her ticket")
                .contains("Camille Test, qui organise « " + event.getTitle() + " », écrit aux détenteurs de billets :")
                .contains("Ce qu’il vous faut pour entrer vous a été envoyé par e-mail : présentez le QR code de chaque billet à l’entrée.")
                .doesNotContain("http://localhost:8080/tickets").doesNotContain("Voir mes billets");
        assertThat(ReceivedMail.html(toZoe)).contains("Ce qu’il vous faut pour entrer vous a été envoyé par e-mail")
                .doesNotContain("Voir mes billets").doesNotContain("/tickets");
        assertThat(TestMail.text(only(alice))).as("a buyer who is also Erin's attendee: one mail, with her tickets")
                .contains("See my tickets: http://localhost:8080/tickets");
        assertThat(TestMail.text(only(erin))).contains("Voir mes billets : http://localhost:8080/tickets");

        send("type-" + vip, "VIP lounge", "Upstairs.").andExpect(flash().attribute("messageWritten", 3));
        assertThat(messages(zoe)).as("her ticket is a VIP one").hasSize(2);
        assertThat(messages(alice)).as("neither her ticket nor the one Erin gave her is").hasSize(1);

        long zoeTicket = jdbc.queryForObject("select id from tickets where order_id = ? and attendee_email = ?",
                Long.class, erinOrder.getId(), zoe);
        testEvents.as(organizer, () -> checkIns.checkInChosen(event.getId(), AccountPrincipal.of(organizer),
                zoeTicket));
        send("not-checked-in", "Still coming?", "We wait for you.")
                .andExpect(flash().attribute("messageWritten", 3))
                .andExpect(flash().attribute("messageSkipped", 1));
        assertThat(messages(zoe)).as("checked in").hasSize(2);
        List<MimeMessage> toAlice = messages(alice);
        assertThat(toAlice).as("checked in, but the ticket Erin gave her is not").hasSize(2);
        assertThat(TestMail.text(toAlice.get(1))).as("only as that ticket's attendee, in its order's language")
                .contains("Ce qu’il vous faut pour entrer vous a été envoyé par e-mail : présentez le QR code de chaque billet à l’entrée.")
                .doesNotContain("http://localhost:8080/tickets");
        assertThat(messages(erin)).hasSize(3);
    }

    @Test
    void aRefusedMessageIsShownAgainWithEachErrorBesideItsFieldAndWhatWasTyped() throws Exception {
        String tooLong = "x".repeat(AttendeeMessages.MAX_TEXT + 1);
        for (String action : List.of("/message/preview", "/message")) {
            String page = mvc.perform(post(path(action)).with(csrf()).with(as(organizer)).with(fromAnywhere())
                            .param("audience", "type-999999999").param("subject", "  ").param("text", tooLong))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            Document form = Jsoup.parse(page);
            assertThat(form.getElementById("audience-error").text()).isEqualTo("Choose who receives the message.");
            assertThat(form.getElementById("subject-error").text()).isEqualTo("This field is required.");
            assertThat(form.getElementById("text-error").text()).isEqualTo("Too long: 5,000 characters at most.");
            assertThat(form.getElementById("text").text()).isEqualTo(tooLong);
            assertThat(form.getElementById("subject").hasClass("is-invalid")).isTrue();
            assertThat(form.getElementById("message-preview")).isNull();
        }
        String page = mvc.perform(post(path("/message")).with(csrf()).with(as(organizer)).with(fromAnywhere())
                        .param("audience", "all").param("subject", "Kept subject").param("text", " "))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).getElementById("subject").val()).isEqualTo("Kept subject");

        long balcony = testEvents.as(organizer, () -> ticketTypes.add(event.getId(), AccountPrincipal.of(organizer),
                new TicketTypeDetails("Balcony", BigDecimal.ZERO, 10, 2, null, null))).getId();
        Document nobody = Jsoup.parse(mvc.perform(post(path("/message/preview")).with(csrf()).with(as(organizer))
                        .param("audience", "type-" + balcony).param("subject", "Hi").param("text", "Hello"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(nobody.getElementById("message-recipients").text()).isEqualTo("No one would receive this message.");
        assertThat(nobody.getElementById("message-send")).as("nothing to send").isNull();
        Document refused = Jsoup.parse(send("type-" + balcony, "Hi", "Hello").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(refused.getElementById("audience-error").text())
                .isEqualTo("No holder of a valid ticket matches: choose other recipients.");
        assertThat(outboxCount()).as("nothing sent").isZero();
    }

    @Test
    void onlyTheEventsOrganizerAndAdministratorsMayWriteToItsAttendees() throws Exception {
        User another = Accounts.organizer(accounts);
        User admin = Accounts.admin(users, passwordEncoder);
        for (User stranger : List.of(another, alice)) {
            mvc.perform(get(path("/message")).with(as(stranger))).andExpect(status().isNotFound());
            mvc.perform(post(path("/message/preview")).with(csrf()).with(as(stranger)).param("audience", "all")
                    .param("subject", "Hi").param("text", "Hello")).andExpect(status().isNotFound());
            mvc.perform(post(path("/message")).with(csrf()).with(as(stranger)).with(fromAnywhere())
                    .param("audience", "all").param("subject", "Hi").param("text", "Hello"))
                    .andExpect(status().isNotFound());
        }
        assertThat(outboxCount()).isZero();

        mvc.perform(post(path("/message")).with(csrf()).with(as(admin)).with(fromAnywhere()).param("audience", "all")
                .param("subject", "From the team").param("text", "Hello")).andExpect(redirectedUrl(path("")));
        assertThat(((InternetAddress) only(alice).getReplyTo()[0]).getAddress()).isEqualTo(admin.getEmail());
    }

    @Test
    void pastTheEventsLimitTheFormComesBackWithAMessageAndNothingIsSent() throws Exception {
        for (int i = 1; i <= 3; i++) {
            send("all", "News " + i, "Hello").andExpect(status().is3xxRedirection());
        }
        String page = send("all", "News 4", "Kept text")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andReturn().getResponse().getContentAsString();

        assertThat(Jsoup.parse(page).getElementById("refusal").text())
                .startsWith("This event’s attendees have already been written to as often as allowed. "
                        + "You can send this message in ");
        assertThat(Jsoup.parse(page).getElementById("text").text()).isEqualTo("Kept text");
        assertThat(messages(alice)).hasSize(3);

        User frenchAdmin = Accounts.signUp(accounts, Accounts.uniqueEmail("admin-fr"),
                EnumSet.of(Role.ADMIN, Role.ORGANIZER), Locale.FRENCH);
        mvc.perform(post(path("/message")).with(csrf()).with(as(frenchAdmin)).with(fromAnywhere())
                        .param("audience", "all").param("subject", "Encore")
                        .param("text", "Bonjour"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Vous pourrez envoyer celui-ci dans")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    // helpers

    private ResultActions send(String audience, String subject, String text)
            throws Exception {
        MockHttpServletRequestBuilder request = post(path("/message")).with(csrf()).with(as(organizer))
                .with(fromAnywhere()).param("audience", audience).param("subject", subject).param("text", text);
        return mvc.perform(request);
    }

    /** The organizer's messages this person received (their registration confirmation left aside). */
    private List<MimeMessage> messages(User recipient) {
        return messages(recipient.getEmail());
    }

    private List<MimeMessage> messages(String recipient) {
        return mail.deliverAndRead(recipient).stream().filter(message -> {
            try {
                return message.getSubject().startsWith("[" + event.getTitle() + "]");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private MimeMessage only(User recipient) {
        return only(recipient.getEmail());
    }

    private MimeMessage only(String recipient) {
        List<MimeMessage> received = messages(recipient);
        assertThat(received).as("mails to %s", recipient).hasSize(1);
        return received.get(0);
    }

    private int outboxCount() {
        return jdbc.queryForObject("select count(*) from outbox_messages where template = 'organizer-message'"
                + " and recipient in (?, ?, ?, ?)", Integer.class, alice.getEmail(), bruno.getEmail(), carla.getEmail(),
                dora.getEmail());
    }

    private String path(String rest) {
        return "/dashboard/events/" + event.getId() + "/attendees" + rest;
    }

    private static RequestPostProcessor as(User user) {
        return authentication(Accounts.signedIn(user));
    }

    /** Each request from an address of its own: the per-address limit is not what these tests probe. */
    private static RequestPostProcessor fromAnywhere() {
        String address = ClientAddresses.unique();
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
