package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

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
import org.guichet.event.Visibility;
import org.guichet.notification.MailKind;
import org.guichet.notification.MailPreferences;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MailParts;
import org.guichet.support.MutableClock;
import org.guichet.support.TestEvents;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * When the time, place or online link of a published event changes, each holder of a valid ticket is told what
 * changed, old and new side by side, in their language, with the updated calendar file; smaller edits and drafts
 * send nothing.
 */
@IntegrationTest
class EventChangeNoticeTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    @Autowired
    AccountService accounts;

    @Autowired
    EventService eventService;

    @Autowired
    EventReminders reminders;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    ParticipantOrders registrations;

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

    User organizer;

    @BeforeEach
    void organizer() {
        organizer = Accounts.organizer(accounts);
    }

    @Test
    void aNewTimeOnTheFormTellsEachHolderOldAndNewSideBySideWithTheUpdatedCalendarFile() throws Exception {
        LocalDateTime oldStart = LocalDateTime.ofInstant(clock.instant(), PARIS).plusDays(5).withHour(18)
                .truncatedTo(ChronoUnit.HOURS);
        Event event = published(oldStart.atZone(PARIS).toInstant(), "Le Sunset", "60 rue des Lombards", "Paris",
                null);
        User french = Accounts.signUp(accounts, Accounts.uniqueEmail("francais"), EnumSet.noneOf(Role.class),
                Locale.FRENCH);
        User english = Accounts.participant(accounts);
        User cancelled = Accounts.participant(accounts);
        register(french, event, 2);
        register(english, event, 1);
        Order cancelledOrder = register(cancelled, event, 1);
        testEvents.as(cancelled, () -> registrations.cancel(AccountPrincipal.of(cancelled), cancelledOrder.getId()));
        preferences.choose(english.getEmail(), MailKind.EVENT_REMINDER, false);
        LocalDateTime newStart = oldStart.plusHours(1);

        mvc.perform(post("/dashboard/events/" + event.getId() + "/edit").with(csrf())
                        .with(authentication(Accounts.signedIn(organizer)))
                        .param("title", event.getTitle()).param("description", "About it").param("category", "concert")
                        .param("venueName", "Le Sunset").param("address", "60 rue des Lombards").param("city", "Paris")
                        .param("country", "France").param("startsAt", newStart.toString())
                        .param("endsAt", newStart.plusHours(3).toString()).param("timeZone", "Europe/Paris")
                        .param("capacity", "100").param("price", "0").param("currency", "EUR")
                        .param("visibility", "PUBLIC").param("_reminders", "on").param("reminders", "DAY_BEFORE"))
                .andExpect(redirectedUrl("/dashboard/events/" + event.getId()));

        MimeMessage fr = single(noticesTo(french));
        assertThat(fr.getSubject()).isEqualTo(event.getTitle() + " a changé");
        assertThat(ReceivedMail.text(fr))
                .contains("Camille Test a modifié « " + event.getTitle() + " » :")
                .contains("Date et heure\n  Avant : ")
                .contains(HOUR.format(oldStart) + " – " + HOUR.format(oldStart.plusHours(3)))
                .contains("Désormais : ")
                .contains(HOUR.format(newStart) + " – " + HOUR.format(newStart.plusHours(3)))
                .contains("(Europe/Paris)")
                .contains("Vos billets restent valables.")
                .doesNotContain("Lieu").doesNotContain("Se désabonner");
        assertThat(ReceivedMail.html(fr)).contains("<th scope=\"col\"").contains("Ce qui change")
                .contains(">Avant</th>").contains(">Désormais</th>").contains(">Date et heure</th>")
                .contains(HOUR.format(oldStart)).contains(HOUR.format(newStart));
        assertThat(MailParts.text(fr, "event-" + event.getId() + ".ics"))
                .contains("DTSTART:" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                        .format(newStart.atZone(PARIS).withZoneSameInstant(ZoneOffset.UTC)));

        MimeMessage en = single(noticesTo(english));
        assertThat(en.getSubject()).isEqualTo(event.getTitle() + " has changed");
        assertThat(ReceivedMail.text(en)).contains("Date and time\n  Before: ").contains("Now: ")
                .contains("Your tickets stay valid.");
        assertThat(noticesTo(cancelled)).as("a cancelled ticket").isEmpty();
    }

    @Test
    void aNewPlaceOrOnlineLinkIsToldWithBothSidesAndTheMap() throws Exception {
        Event event = published(clock.instant().plus(Duration.ofDays(4)), "Salle des fêtes", "1 rue de la Paix",
                "Rennes", null);
        User holder = Accounts.participant(accounts);
        register(holder, event, 1);

        change(event, details -> with(details, "La Cigale", "120 boulevard de Rochechouart", "Paris",
                details.onlineUrl(), details.startsAt(), details.description()));
        MimeMessage moved = single(noticesTo(holder));
        assertThat(ReceivedMail.text(moved)).contains("Place\n  Before: Salle des fêtes, 1 rue de la Paix, Rennes, France")
                .contains("Now: La Cigale, 120 boulevard de Rochechouart, Paris, France")
                .contains("The new place on a map: https://www.openstreetmap.org/search?query="
                        + "120+boulevard+de+Rochechouart%2C+Paris%2C+France")
                .doesNotContain("Date and time");

        change(event, details -> with(details, details.venueName(), details.address(), details.city(),
                "https://meet.example.org/live", details.startsAt(), details.description()));
        List<MimeMessage> notices = noticesTo(holder);
        assertThat(notices).hasSize(2);
        assertThat(ReceivedMail.text(notices.get(1))).contains("Online link\n  Before: (none)")
                .contains("Now: https://meet.example.org/live").doesNotContain("Place");
    }

    @Test
    void eachAttendeeAddressIsToldOnceWithItsTicketAttachedAndTheCalendarFileReplacesTheEntryItHad()
            throws Exception {
        Event event = published(clock.instant().plus(Duration.ofDays(4)), "Salle des fêtes", "1 rue de la Paix",
                "Rennes", null);
        long type = ticketTypes.of(event.getId()).get(0).getId();
        User buyer = Accounts.signUp(accounts, Accounts.uniqueEmail("acheteuse"), EnumSet.noneOf(Role.class),
                Locale.FRENCH);
        User friend = Accounts.participant(accounts);
        String ada = Accounts.uniqueEmail("ada");
        register(friend, event, 1);
        Order order = testEvents.as(buyer, () -> registrations.register(AccountPrincipal.of(buyer), event.getId(),
                null, Map.of(type, 3), List.of(
                        new AttendeeDetails(type, "Ada Lovelace", ada),
                        new AttendeeDetails(type, "Friend Invited", friend.getEmail())))
                .order());
        MimeMessage confirmation = mail.deliverAndRead(buyer.getEmail()).get(0);
        String firstCalendar = MailParts.text(confirmation, "event-" + event.getId() + ".ics");
        assertThat(firstCalendar).contains("UID:event-" + event.getId() + "@guichet").contains("SEQUENCE:0");
        mail.deliverAndRead(ada);

        change(event, details -> with(details, "La Cigale", "120 boulevard de Rochechouart", "Paris",
                details.onlineUrl(), details.startsAt(), details.description()));

        MimeMessage toAda = single(noticesTo(ada));
        assertThat(toAda.getSubject()).as("in the order's language").isEqualTo(event.getTitle() + " a changé");
        assertThat(((InternetAddress) toAda.getFrom()[0]).getPersonal()).isEqualTo("Camille Test (Guichet)");
        assertThat(ReceivedMail.text(toAda)).startsWith("Bonjour Ada Lovelace,")
                .contains("Désormais : La Cigale, 120 boulevard de Rochechouart, Paris, France")
                .contains("Le billet que vous avez reçu par e-mail est de nouveau joint.")
                .doesNotContain("http://localhost:8080/tickets");
        assertThat(ReceivedMail.html(toAda)).doesNotContain("Voir mes billets");
        assertThat(MailParts.pdfText(toAda, "ticket-" + order.getReference())).as("the ticket as it is now")
                .contains("Ada Lovelace").contains("La Cigale").doesNotContain("Friend Invited");
        String calendar = MailParts.text(toAda, "event-" + event.getId() + ".ics");
        assertThat(calendar).as("the same entry, revised").contains("UID:event-" + event.getId() + "@guichet")
                .contains("SEQUENCE:1").contains("LOCATION:La Cigale");

        MimeMessage toFriend = single(noticesTo(friend));
        assertThat(ReceivedMail.text(toFriend)).as("a buyer who is also another's attendee: one mail")
                .contains("http://localhost:8080/tickets")
                .contains("The ticket you received by email is attached again.");
        assertThat(MailParts.pdfText(toFriend, "ticket-" + order.getReference())).contains("Friend Invited");
        MimeMessage toBuyer = single(noticesTo(buyer));
        assertThat(ReceivedMail.text(toBuyer)).contains("http://localhost:8080/tickets")
                .doesNotContain("de nouveau joint");

        change(event, details -> with(details, details.venueName(), details.address(), details.city(),
                details.onlineUrl(), details.startsAt(), "Une autre description"));
        change(event, details -> with(details, details.venueName(), details.address(), details.city(),
                details.onlineUrl(), details.startsAt().plus(Duration.ofHours(2)), details.description()));
        List<MimeMessage> notices = noticesTo(ada);
        assertThat(notices).as("nothing for the description").hasSize(2);
        assertThat(MailParts.text(notices.get(1), "event-" + event.getId() + ".ics")).contains("SEQUENCE:2");
    }

    @Test
    void smallEditsAndDraftsSendNothing() throws Exception {
        Event event = published(clock.instant().plus(Duration.ofDays(4)), "Salle", null, "Lyon", null);
        User holder = Accounts.participant(accounts);
        register(holder, event, 1);
        Event draft = testEvents.draft(organizer, details(clock.instant().plus(Duration.ofDays(4)), "Salle", null,
                "Lyon", null));
        mail.deliverAndRead(holder.getEmail());
        int before = outboxSize();

        change(event, details -> new EventDetails(details.title() + " (nouveau titre)", "Une autre description",
                "workshop", details.venueName(), details.address(), details.city(), details.country(),
                details.onlineUrl(), details.startsAt(), details.endsAt(), details.timeZone(), 150,
                new BigDecimal("5.00"), details.currency(), details.visibility(), null, 4, details.reminders()));
        change(draft, details -> with(details, "Autre salle", null, "Lille", null,
                details.startsAt().plus(Duration.ofDays(1)), details.description()));

        assertThat(outboxSize()).as("no mail written, to anyone").isEqualTo(before);
        assertThat(noticesTo(holder)).isEmpty();
    }

    @Test
    void aPostponedEventIsRemindedAgainBeforeItsNewDate() throws Exception {
        Event event = published(clock.instant().plus(Duration.ofDays(2)), "Salle", null, "Dijon", null);
        User holder = Accounts.participant(accounts);
        register(holder, event, 1);
        clock.advance(Duration.ofDays(1).plus(Duration.ofMinutes(1)));
        reminders.sendDue();
        assertThat(remindersTo(holder)).hasSize(1);

        change(event, details -> with(details, details.venueName(), details.address(), details.city(),
                details.onlineUrl(), details.startsAt().plus(Duration.ofDays(7)), details.description()));
        reminders.sendDue();
        assertThat(noticesTo(holder)).hasSize(1);
        assertThat(remindersTo(holder)).as("not again at once").hasSize(1);

        clock.advance(Duration.ofDays(7));
        reminders.sendDue();
        assertThat(remindersTo(holder)).as("a day before the new date").hasSize(2);
    }

    // helpers

    private Event published(Instant start, String venue, String address, String city, String onlineUrl) {
        return testEvents.published(organizer, details(start, venue, address, city, onlineUrl));
    }

    private EventDetails details(Instant start, String venue, String address, String city, String onlineUrl) {
        return new EventDetails("Changement " + System.nanoTime(), "About it", "concert", venue, address, city,
                "France", onlineUrl, start, start.plus(Duration.ofHours(3)), PARIS, 100, BigDecimal.ZERO, "EUR",
                Visibility.PUBLIC, null, Event.DEFAULT_MAX_PER_PERSON, null);
    }

    /** The organizer saves the event's form with some details changed. */
    private void change(Event event, UnaryOperator<EventDetails> changes) {
        Event current = eventService.get(event.getId());
        EventDetails details = new EventDetails(current.getTitle(), current.getDescription(),
                current.getCategory().getSlug(), current.getVenueName(), current.getAddress(), current.getCity(),
                current.getCountry(), current.getOnlineUrl(), current.getStartsAt(), current.getEndsAt(),
                current.getZone(), current.getCapacity(), current.getLowestPrice(), current.getCurrency(),
                current.getVisibility(), current.getRefundsUntil(), current.getMaxPerPerson(),
                current.getReminders());
        testEvents.as(organizer, () -> eventService.update(event.getId(), AccountPrincipal.of(organizer),
                changes.apply(details), null));
    }

    private static EventDetails with(EventDetails details, String venue, String address, String city,
            String onlineUrl, Instant start, String description) {
        Duration length = Duration.between(details.startsAt(), details.endsAt());
        return new EventDetails(details.title(), description, details.categorySlug(), venue, address, city,
                details.country(), onlineUrl, start, start.plus(length), details.timeZone(), details.capacity(),
                details.price(), details.currency(), details.visibility(), details.refundsUntil(),
                details.maxPerPerson(), details.reminders());
    }

    private Order register(User buyer, Event event, int count) {
        return testEvents.register(buyer, event.getId(), ticketTypes.of(event.getId()).get(0).getId(), count);
    }

    private int outboxSize() {
        return jdbc.queryForObject("select count(*) from outbox_messages", Integer.class);
    }

    private List<MimeMessage> noticesTo(User user) {
        return noticesTo(user.getEmail());
    }

    private List<MimeMessage> noticesTo(String address) {
        return mail.deliverAndRead(address).stream()
                .filter(message -> subject(message).endsWith(" has changed") || subject(message).endsWith(" a changé"))
                .toList();
    }

    private List<MimeMessage> remindersTo(User user) {
        return mail.deliverAndRead(user.getEmail()).stream()
                .filter(message -> subject(message).startsWith("Reminder: "))
                .toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage single(List<MimeMessage> messages) {
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }
}
