package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.Role;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.EventDetails;
import org.guichet.event.EventService;
import org.guichet.event.Reminder;
import org.guichet.event.Visibility;
import org.guichet.notification.MailKind;
import org.guichet.notification.MailPreferences;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MailParts;
import org.guichet.support.MutableClock;
import org.guichet.support.Race;
import org.guichet.support.TestEvents;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Reminders before events, as holders receive them: at the time the organizer chose and not before, in each
 * holder's language, with their tickets, the place or online link and the calendar file; once, however many runs
 * or instances; late after downtime but never after the start; never to a cancelled ticket or a holder who switched
 * them off.
 */
@IntegrationTest
class EventReminderTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Autowired
    EventReminders reminders;

    @Autowired
    AccountService accounts;

    @Autowired
    EventService eventService;

    @Autowired
    ParticipantOrders registrations;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    TestEvents testEvents;

    @Autowired
    MailPreferences preferences;

    @Autowired
    TestMail mail;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReminderClaimRepository claims;

    User organizer;

    @BeforeEach
    void organizer() {
        organizer = Accounts.organizer(accounts);
    }

    @Test
    void aDayBeforeNotEarlierEachBuyerGetsOneReminderInTheirLanguageWithTicketsPlaceMapAndCalendar() throws Exception {
        Instant start = clock.instant().plus(Duration.ofDays(3));
        Event event = published(start, "Salle des fêtes", "1 rue de la Paix", "Rennes", null, null);
        User french = Accounts.signUp(accounts, Accounts.uniqueEmail("francaise"), EnumSet.noneOf(Role.class),
                Locale.FRENCH);
        User english = Accounts.participant(accounts);
        Order frenchOrder = register(french, event, 2);
        register(english, event, 1);

        reminders.sendDue();
        clock.advance(Duration.ofDays(2).minus(MINUTE));
        reminders.sendDue();
        assertThat(remindersTo(french)).as("not before a day before").isEmpty();
        assertThat(remindersTo(english)).isEmpty();

        clock.advance(MINUTE.multipliedBy(2));
        reminders.sendDue();

        MimeMessage fr = single(remindersTo(french));
        assertThat(fr.getSubject()).startsWith("Rappel : " + event.getTitle() + ", ");
        String text = ReceivedMail.text(fr);
        String localStart = DateTimeFormatter.ofPattern("HH:mm").format(start.atZone(PARIS));
        assertThat(text).contains("Camille Test vous le rappelle : « " + event.getTitle() + " » approche.")
                .contains("Quand : " + start.atZone(PARIS).getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.FRENCH))
                .contains(localStart).contains("Heures indiquées dans le fuseau : ").contains("(Europe/Paris).")
                .contains("Où : Salle des fêtes, 1 rue de la Paix, Rennes, France")
                .contains("Carte : https://www.openstreetmap.org/search?query=1+rue+de+la+Paix%2C+Rennes%2C+France")
                .contains("Vos 2 billets, chacun avec son QR code :")
                .contains("Tous vos billets : http://localhost:8080/tickets")
                .contains("Se désabonner : http://localhost:8080/mail/unsubscribe?");
        for (Long ticket : ticketIds(frenchOrder)) {
            assertThat(text).contains("http://localhost:8080/tickets/" + ticket);
        }
        String html = ReceivedMail.html(fr);
        assertThat(html).contains("Voir sur une carte").contains("Voir mes billets")
                .contains("https://www.openstreetmap.org/search?query=1+rue+de+la+Paix%2C+Rennes%2C+France");
        assertThat(((InternetAddress) fr.getFrom()[0]).getPersonal()).isEqualTo("Camille Test (Guichet)");
        assertThat(fr.getHeader("List-Unsubscribe")).isNotNull();
        String calendar = MailParts.text(fr, "event-" + event.getId() + ".ics");
        assertThat(calendar).contains("UID:event-" + event.getId() + "@guichet")
                .contains("DTSTART:" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                        .format(start))
                .contains("LOCATION:Salle des fêtes\\, 1 rue de la Paix\\, Rennes\\, France");

        MimeMessage en = single(remindersTo(english));
        assertThat(en.getSubject()).startsWith("Reminder: " + event.getTitle() + ", ");
        assertThat(ReceivedMail.text(en)).contains("A reminder from Camille Test: “" + event.getTitle() + "” is coming up.")
                .contains("When: " + start.atZone(PARIS).getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                .contains("Where: Salle des fêtes, 1 rue de la Paix, Rennes, France")
                .contains("Your ticket, with its QR code:");
        assertThat(ReceivedMail.html(en)).contains("See it on a map");
        assertThat(MailParts.text(en, "event-" + event.getId() + ".ics")).contains("UID:event-" + event.getId());

        reminders.sendDue();
        clock.advance(Duration.ofHours(20));
        reminders.sendDue();
        assertThat(remindersTo(french)).as("once").hasSize(1);
        assertThat(claims.findByEventIdOrderById(event.getId())).extracting(ReminderClaim::getRecipient)
                .containsExactlyInAnyOrder(french.getEmail().toLowerCase(Locale.ROOT),
                        english.getEmail().toLowerCase(Locale.ROOT));
    }

    @Test
    void eachAttendeeAddressIsRemindedOnceWithOnlyItsTicketsAttachedAndABuyerWhoIsAlsoAnAttendeeGetsOneMail()
            throws Exception {
        Instant start = clock.instant().plus(Duration.ofHours(30));
        Event event = published(start, "Salle G", null, "Tours", null, null);
        long type = ticketTypes.of(event.getId()).get(0).getId();
        User buyer = Accounts.signUp(accounts, Accounts.uniqueEmail("acheteur"), EnumSet.noneOf(Role.class),
                Locale.FRENCH);
        User friend = Accounts.participant(accounts);
        String ada = Accounts.uniqueEmail("ada");
        register(friend, event, 1);
        Order order = testEvents.as(buyer, () -> registrations.register(AccountPrincipal.of(buyer), event.getId(),
                null, Map.of(type, 4), List.of(
                        new AttendeeDetails(type, "Ada Lovelace", ada),
                        new AttendeeDetails(type, "Byron Lovelace", ada.toUpperCase(Locale.ROOT)),
                        new AttendeeDetails(type, "Friend Invited", friend.getEmail().toUpperCase(Locale.ROOT))))
                .order());
        List<Long> tickets = ticketIds(order);
        clock.advance(Duration.ofHours(6).plus(MINUTE));

        List<Race.Outcome<Object>> runs = Race.run(2, () -> {
            reminders.sendDue();
            return null;
        });
        reminders.sendDue();
        assertThat(runs).allMatch(Race.Outcome::succeeded);

        MimeMessage toAda = single(remindersTo(ada));
        assertThat(toAda.getSubject()).as("in the language of the order").startsWith("Rappel : " + event.getTitle());
        assertThat(((InternetAddress) toAda.getFrom()[0]).getPersonal()).isEqualTo("Camille Test (Guichet)");
        String text = ReceivedMail.text(toAda);
        assertThat(text).startsWith("Bonjour Ada Lovelace,")
                .contains("Vos 2 billets, chacun avec son QR code :")
                .contains("- Ada Lovelace · Standard\n- Byron Lovelace · Standard\n")
                .contains("Les 2 billets que vous avez reçus par e-mail sont de nouveau joints.")
                .doesNotContain("http://localhost:8080/tickets").doesNotContain("Tous vos billets")
                .doesNotContain("Friend Invited").contains("Envoyé par Guichet au sujet de vos billets");
        assertThat(ReceivedMail.html(toAda)).contains("Ada Lovelace · Standard")
                .doesNotContain("Voir mes billets").doesNotContain("/tickets/");
        String pdf = MailParts.pdfText(toAda, "ticket-" + order.getReference());
        assertThat(pdf).contains("Ada Lovelace").contains("Byron Lovelace").doesNotContain("Friend Invited")
                .doesNotContain("Camille Test");
        assertThat(MailParts.text(toAda, "event-" + event.getId() + ".ics"))
                .contains("URL:http://localhost:8080/events/" + event.getId());

        MimeMessage toFriend = single(remindersTo(friend));
        String friendText = ReceivedMail.text(toFriend);
        assertThat(friendText).as("their own ticket with its link, and the one made out to them, attached")
                .contains("Your 2 tickets, each with its QR code:")
                .containsPattern("- Camille Test · Standard: http://localhost:8080/tickets/\\d+\n")
                .contains("- Friend Invited · Standard\n")
                .contains("All your tickets: http://localhost:8080/tickets")
                .contains("The ticket you received by email is attached again.");
        assertThat(friendText).doesNotContain("/tickets/" + tickets.get(2));
        assertThat(MailParts.pdfText(toFriend, "ticket-" + order.getReference())).contains("Friend Invited")
                .doesNotContain("Ada Lovelace");

        MimeMessage toBuyer = single(remindersTo(buyer));
        String buyerText = ReceivedMail.text(toBuyer);
        assertThat(buyerText).contains("Vos 4 billets").doesNotContain("de nouveau joint");
        for (Long ticket : tickets) {
            assertThat(buyerText).contains("http://localhost:8080/tickets/" + ticket);
        }
        assertThat(claims.findByEventIdOrderById(event.getId())).extracting(ReminderClaim::getRecipient)
                .containsExactlyInAnyOrder(buyer.getEmail().toLowerCase(Locale.ROOT), ada,
                        friend.getEmail().toLowerCase(Locale.ROOT));

        reminders.sendDue();
        assertThat(remindersTo(ada)).as("once").hasSize(1);
    }

    @Test
    void anAttendeeWhoSwitchedRemindersOffOrWhoseTicketIsCancelledGetsNone() throws Exception {
        Instant start = clock.instant().plus(Duration.ofHours(30));
        Event event = published(start, "Salle H", null, "Tours", null, null);
        long type = ticketTypes.of(event.getId()).get(0).getId();
        User buyer = Accounts.participant(accounts);
        User other = Accounts.participant(accounts);
        String unsubscribed = Accounts.uniqueEmail("sans-rappel");
        String cancelled = Accounts.uniqueEmail("annule");
        testEvents.as(buyer, () -> registrations.register(AccountPrincipal.of(buyer), event.getId(), null,
                Map.of(type, 1), List.of(new AttendeeDetails(type, "Ines Off", unsubscribed))));
        Order cancelledOrder = testEvents.as(other, () -> registrations.register(AccountPrincipal.of(other),
                event.getId(), null, Map.of(type, 1), List.of(new AttendeeDetails(type, "Leo Gone", cancelled)))
                .order());
        testEvents.as(other, () -> registrations.cancel(AccountPrincipal.of(other), cancelledOrder.getId()));
        preferences.choose(unsubscribed, MailKind.EVENT_REMINDER, false);
        clock.advance(Duration.ofHours(6).plus(MINUTE));

        reminders.sendDue();

        assertThat(remindersTo(buyer)).hasSize(1);
        assertThat(remindersTo(unsubscribed)).isEmpty();
        assertThat(remindersTo(cancelled)).isEmpty();
    }

    @Test
    void anOnlineEventsReminderCarriesItsLinkAndNoMap() throws Exception {
        Instant start = clock.instant().plus(Duration.ofHours(5));
        Event event = published(start, null, null, null, "https://meet.example.org/jazz-session",
                EnumSet.of(Reminder.HOUR_BEFORE));
        User holder = Accounts.participant(accounts);
        register(holder, event, 1);

        clock.advance(Duration.ofHours(4).plus(MINUTE));
        reminders.sendDue();

        MimeMessage received = single(remindersTo(holder));
        assertThat(ReceivedMail.text(received)).contains("Online: https://meet.example.org/jazz-session")
                .doesNotContain("Where:").doesNotContain("openstreetmap");
        assertThat(ReceivedMail.html(received)).contains("href=\"https://meet.example.org/jazz-session\"");
    }

    @Test
    void cancelledTicketsAndHoldersWhoSwitchedRemindersOffGetNone() throws Exception {
        Instant start = clock.instant().plus(Duration.ofHours(30));
        Event event = published(start, "Le Sunset", null, "Paris", null, null);
        User cancelled = Accounts.participant(accounts);
        User unsubscribed = Accounts.participant(accounts);
        User holder = Accounts.participant(accounts);
        Order order = register(cancelled, event, 1);
        testEvents.as(cancelled, () -> registrations.cancel(AccountPrincipal.of(cancelled), order.getId()));
        register(unsubscribed, event, 1);
        preferences.choose(unsubscribed.getEmail(), MailKind.EVENT_REMINDER, false);
        register(holder, event, 1);

        clock.advance(Duration.ofHours(7));
        reminders.sendDue();

        assertThat(remindersTo(holder)).hasSize(1);
        assertThat(remindersTo(cancelled)).isEmpty();
        assertThat(remindersTo(unsubscribed)).isEmpty();
    }

    @Test
    void twoRunsAtOnceOrOneAfterTheOtherWriteEachReminderOnce() throws Exception {
        Instant start = clock.instant().plus(Duration.ofHours(30));
        Event one = published(start, "Salle A", null, "Lyon", null, null);
        Event other = published(start, "Salle B", null, "Lyon", null, null);
        User first = Accounts.participant(accounts);
        User second = Accounts.participant(accounts);
        register(first, one, 1);
        register(second, other, 2);
        clock.advance(Duration.ofHours(6).plus(MINUTE));

        // two scheduler threads (or instances) at once, then the next run
        List<Race.Outcome<Object>> runs = Race.run(2, () -> {
            reminders.sendDue();
            return null;
        });
        reminders.sendDue();

        assertThat(runs).allMatch(Race.Outcome::succeeded);
        assertThat(remindersTo(first)).hasSize(1);
        assertThat(remindersTo(second)).as("one mail for both tickets").hasSize(1);
        assertThat(claims.findByEventIdOrderById(other.getId())).hasSize(1);
    }

    @Test
    void runsOverlappingPastTheirLockStillWriteOneMailPerHolder() throws Exception {
        Instant start = clock.instant().plus(Duration.ofHours(30));
        Event event = published(start, "Salle C", null, "Nantes", null, null);
        List<User> holders = List.of(Accounts.participant(accounts), Accounts.participant(accounts),
                Accounts.participant(accounts));
        holders.forEach(holder -> register(holder, event, 1));
        clock.advance(Duration.ofHours(6).plus(MINUTE));
        Event loaded = eventService.get(event.getId());

        List<Race.Outcome<Boolean>> runs = Race.run(4,
                () -> reminders.remind(loaded, Reminder.DAY_BEFORE, clock.instant()));

        assertThat(runs).allMatch(Race.Outcome::succeeded);
        for (User holder : holders) {
            assertThat(remindersTo(holder)).hasSize(1);
        }
        assertThat(claims.findByEventIdOrderById(event.getId())).hasSize(3);
    }

    @Test
    void aReminderDueWhileTheApplicationWasDownGoesWhenItIsBackUnlessTheEventHasStarted() throws Exception {
        Instant now = clock.instant();
        Event later = published(now.plus(Duration.ofDays(3)), "Salle D", null, "Lille", null, null);
        Event sooner = published(now.plus(Duration.ofDays(2)), "Salle E", null, "Lille", null, null);
        User laterHolder = Accounts.participant(accounts);
        User soonerHolder = Accounts.participant(accounts);
        register(laterHolder, later, 1);
        register(soonerHolder, sooner, 1);

        // down from now until 5 hours after the sooner event started (its reminder fell due a day before that)
        clock.advance(Duration.ofDays(2).plus(Duration.ofHours(5)));
        reminders.sendDue();

        assertThat(remindersTo(laterHolder)).as("due 5 hours ago, the event starts in 19 hours").hasSize(1);
        assertThat(remindersTo(soonerHolder)).as("never once the event has started").isEmpty();
    }

    @Test
    void aReminderTickedAfterItsTimeIsNotSentTheOthersAre() throws Exception {
        Instant start = clock.instant().plus(Duration.ofDays(3));
        Event event = published(start, "Salle F", null, "Metz", null, null);
        User holder = Accounts.participant(accounts);
        register(holder, event, 1);

        update(event, EnumSet.of(Reminder.WEEK_BEFORE, Reminder.DAY_BEFORE));
        reminders.sendDue();
        assertThat(remindersTo(holder)).as("a week before was four days ago: not sent now").isEmpty();

        clock.advance(Duration.ofDays(2).plus(MINUTE));
        reminders.sendDue();
        assertThat(remindersTo(holder)).hasSize(1);
    }

    @Test
    void theOrganizersChoicesOnTheFormDecide() throws Exception {
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant(), PARIS).plusDays(10)
                .truncatedTo(ChronoUnit.MINUTES);
        long none = create(start, "Sans rappel").param("_reminders", "on").andReturnId();
        long two = create(start, "Deux rappels").param("_reminders", "on")
                .param("reminders", "WEEK_BEFORE", "DAY_BEFORE").andReturnId();
        assertThat(eventService.get(none).getReminders()).isEmpty();
        assertThat(eventService.get(two).getReminders()).containsExactly(Reminder.DAY_BEFORE, Reminder.WEEK_BEFORE);
        mvc.perform(get("/dashboard/events/" + two + "/edit").with(authentication(Accounts.signedIn(organizer))))
                .andExpect(content().string(containsString("value=\"WEEK_BEFORE\" name=\"reminders\" checked")))
                .andExpect(content().string(containsString("value=\"DAY_BEFORE\" name=\"reminders\" checked")))
                .andExpect(content().string(containsString("value=\"HOUR_BEFORE\" name=\"reminders\">")))
                .andExpect(content().string(containsString("<label class=\"form-check-label\" for=\"reminder-WEEK_BEFORE\">1 week before</label>")));
        User noneHolder = Accounts.participant(accounts);
        User twoHolder = Accounts.participant(accounts);
        register(noneHolder, eventService.get(none), 1);
        register(twoHolder, eventService.get(two), 1);

        clock.advance(Duration.ofDays(3).plus(Duration.ofHours(1)));
        reminders.sendDue();
        assertThat(remindersTo(twoHolder)).as("a week before").hasSize(1);
        clock.advance(Duration.ofDays(6).plus(Duration.ofHours(1)));
        reminders.sendDue();
        reminders.sendDue();
        assertThat(remindersTo(twoHolder)).as("and a day before").hasSize(2);
        clock.advance(Duration.ofHours(22).plus(Duration.ofMinutes(30)));
        reminders.sendDue();
        assertThat(remindersTo(twoHolder)).hasSize(2);
        assertThat(remindersTo(noneHolder)).as("none chosen").isEmpty();
    }

    @Test
    void anUnknownReminderIsRefusedBesideItsFieldInTheOrganizersLanguage() throws Exception {
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant(), PARIS).plusDays(10)
                .truncatedTo(ChronoUnit.MINUTES);
        mvc.perform(form(start, "Rappel inconnu").param("reminders", "DAY_BEFORE", "MONTH_BEFORE"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "reminders", "event.error.reminders"))
                .andExpect(content().string(containsString("id=\"reminders-error\"")))
                .andExpect(content().string(containsString("Choose the reminders among those offered.")));
        assertThat(jdbc.queryForObject("select count(*) from events where title = 'Rappel inconnu'", Integer.class))
                .isZero();

        User french = Accounts.signUp(accounts, Accounts.uniqueEmail("organisatrice"), EnumSet.of(Role.ORGANIZER),
                Locale.FRENCH);
        mvc.perform(post("/dashboard/events/new").with(csrf()).with(authentication(Accounts.signedIn(french)))
                        .param("title", "Rappel inconnu").param("category", "concert").param("city", "Lyon")
                        .param("startsAt", start.toString()).param("endsAt", start.plusHours(2).toString())
                        .param("timeZone", "Europe/Paris").param("capacity", "10").param("price", "0")
                        .param("currency", "EUR").param("visibility", "PUBLIC").param("reminders", "YEAR_BEFORE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choisissez les rappels parmi ceux proposés.")))
                .andExpect(content().string(containsString("1 semaine avant")))
                .andExpect(content().string(not(containsString("Choose the reminders"))));
    }

    // helpers

    private Event published(Instant start, String venue, String address, String city, String onlineUrl,
            Set<Reminder> chosen) {
        EventDetails details = new EventDetails("Rappel " + System.nanoTime(), "About it", "concert", venue,
                address, city, city == null ? null : "France", onlineUrl, start, start.plus(Duration.ofHours(3)),
                PARIS, 100, BigDecimal.ZERO, "EUR", Visibility.PUBLIC, null, Event.DEFAULT_MAX_PER_PERSON, chosen);
        return testEvents.published(organizer, details);
    }

    private void update(Event event, Set<Reminder> chosen) {
        EventDetails details = new EventDetails(event.getTitle(), event.getDescription(),
                event.getCategory().getSlug(), event.getVenueName(), event.getAddress(), event.getCity(),
                event.getCountry(), event.getOnlineUrl(), event.getStartsAt(), event.getEndsAt(), event.getZone(),
                event.getCapacity(), BigDecimal.ZERO, event.getCurrency(), event.getVisibility(), null,
                event.getMaxPerPerson(), chosen);
        testEvents.as(organizer, () -> eventService.update(event.getId(), AccountPrincipal.of(organizer), details,
                null));
    }

    private Order register(User buyer, Event event, int count) {
        return testEvents.register(buyer, event.getId(), ticketTypes.of(event.getId()).get(0).getId(), count);
    }

    private List<Long> ticketIds(Order order) {
        return jdbc.queryForList("select id from tickets where order_id = ? order by id", Long.class, order.getId());
    }

    private List<MimeMessage> remindersTo(User user) {
        return remindersTo(user.getEmail());
    }

    private List<MimeMessage> remindersTo(String address) {
        return mail.deliverAndRead(address).stream().filter(EventReminderTests::isReminder).toList();
    }

    private static boolean isReminder(MimeMessage message) {
        try {
            return message.getSubject().startsWith("Reminder: ") || message.getSubject().startsWith("Rappel : ");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage single(List<MimeMessage> messages) {
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private FormPost create(LocalDateTime start, String title) {
        return new FormPost(form(start, title).param("publish", "true"));
    }

    private MockHttpServletRequestBuilder form(LocalDateTime start, String title) {
        return post("/dashboard/events/new").with(csrf()).with(authentication(Accounts.signedIn(organizer)))
                .param("title", title).param("category", "concert").param("venueName", "La Cigale")
                .param("city", "Paris").param("startsAt", start.toString())
                .param("endsAt", start.plusHours(2).toString()).param("timeZone", "Europe/Paris")
                .param("capacity", "50").param("price", "0").param("currency", "EUR").param("visibility", "PUBLIC");
    }

    /** The event form, posted; its new event's id read from the redirect. */
    private final class FormPost {

        private final MockHttpServletRequestBuilder request;

        FormPost(MockHttpServletRequestBuilder request) {
            this.request = request;
        }

        FormPost param(String name, String... values) {
            request.param(name, values);
            return this;
        }

        long andReturnId() throws Exception {
            String location = mvc.perform(request).andExpect(redirectedUrlPattern("/dashboard/events/*"))
                    .andReturn().getResponse().getRedirectedUrl();
            return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        }
    }
}
