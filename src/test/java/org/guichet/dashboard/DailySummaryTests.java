package org.guichet.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.Role;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.EventDetails;
import org.guichet.event.Money;
import org.guichet.event.Visibility;
import org.guichet.notification.MailKind;
import org.guichet.notification.MailPreferences;
import org.guichet.registration.Order;
import org.guichet.registration.ParticipantOrders;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.Race;
import org.guichet.support.SandboxPayments;
import org.guichet.support.TestEvents;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The organizers' daily summary, driven by calling the job with the test clock moved to the next morning: the day's
 * figures per event (a free registration, paid orders, a refund), nothing on a quiet day, one mail per organizer and
 * day however often and from however many threads the job runs, none for an organizer who switched it off, the
 * organizer's language, and the latest missed day (only) sent when the job comes back.
 */
@IntegrationTest
class DailySummaryTests {

    @Autowired
    DailySummaries summaries;

    @Autowired
    SummarySettings settings;

    @Autowired
    DashboardQueries queries;

    @Autowired
    AccountService accounts;

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
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Value("${guichet.payments.sandbox.webhook-secret}")
    String secret;

    @Test
    void theSettingsAreReadAsTyped() {
        assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(settings.sendAt()).isEqualTo(LocalTime.of(7, 0));
        assertThat(settings.checkInterval()).as("tests drive the job themselves").isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theMorningSummaryGivesEachEventsRegistrationsSalesAndRefundsOfTheDayBefore() throws Exception {
        User organizer = Accounts.organizer(accounts);
        LocalDate day = today();
        Event free = testEvents.published(organizer, "Atelier " + System.nanoTime(), "Lille");
        registerFree(free, 2);
        Event concert = refundable(organizer, "20.00");
        pay(concert);
        Paid refunded = pay(concert);
        testEvents.as(refunded.buyer(), () -> registrations.cancelForRefund(AccountPrincipal.of(refunded.buyer()),
                refunded.order().getId()));

        Map<Long, DayActivity> activity = queries.activity(settings.start(day), settings.end(day));
        assertThat(activity.get(free.getId())).satisfies(figures -> {
            assertThat(figures.registrations()).isEqualTo(1);
            assertThat(figures.tickets()).isEqualTo(2);
            assertThat(figures.payments()).isZero();
            assertThat(figures.refunds()).isZero();
        });
        assertThat(activity.get(concert.getId())).satisfies(figures -> {
            assertThat(figures.organizerId()).isEqualTo(organizer.getId());
            assertThat(figures.registrations()).as("the refunded order was a registration of the day too").isEqualTo(2);
            assertThat(figures.tickets()).isEqualTo(2);
            assertThat(figures.payments()).isEqualTo(2);
            assertThat(figures.sales()).containsOnlyKeys("EUR");
            assertThat(figures.sales().get("EUR")).isEqualByComparingTo(new BigDecimal("40.00"));
            assertThat(figures.refunds()).isEqualTo(1);
            assertThat(figures.refunded().get("EUR")).isEqualByComparingTo(new BigDecimal("20.00"));
        });

        summaries.sendDue();
        assertThat(mail.deliverAndRead(organizer.getEmail())).as("nothing before the day is over").isEmpty();
        moveTo(day.plusDays(1), LocalTime.of(6, 59));
        summaries.sendDue();
        assertThat(mail.deliverAndRead(organizer.getEmail())).as("nothing before the morning's sending time").isEmpty();
        moveTo(day.plusDays(1), LocalTime.of(7, 5));
        summaries.sendDue();

        List<MimeMessage> received = mail.deliverAndRead(organizer.getEmail());
        assertThat(received).hasSize(1);
        MimeMessage summary = received.get(0);
        String dayText = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Locale.ENGLISH).format(day);
        assertThat(summary.getSubject()).isEqualTo("Your events on " + dayText);
        String text = TestMail.text(summary);
        assertThat(text).contains("Here is what happened for your events on " + dayText + ".");
        assertThat(section(text, free.getTitle(), concert.getTitle()))
                .contains("- 1 new registration (2 tickets)", "- No payment received", "- No refund",
                        "http://localhost:8080/dashboard/events/" + free.getId());
        assertThat(section(text, concert.getTitle(), "Open my dashboard"))
                .contains("- 2 new registrations (2 tickets)",
                        "- 2 payments received: " + Money.format(new BigDecimal("40.00"), "EUR", Locale.ENGLISH),
                        "- 1 refund: " + Money.format(new BigDecimal("20.00"), "EUR", Locale.ENGLISH));
        assertThat(text).contains("Open my dashboard: http://localhost:8080/dashboard")
                .contains("Unsubscribe: http://localhost:8080/mail/unsubscribe?");
        String html = TestMail.body(summary).replace("=\r\n", "").replace("=3D", "=");
        assertThat(html).contains("href=\"http://localhost:8080/dashboard\"", "2 payments received", "Unsubscribe");
        assertThat(summary.getHeader("List-Unsubscribe")).isNotNull();
    }

    @Test
    void aQuietDaySendsNothing() throws Exception {
        User busy = Accounts.organizer(accounts);
        User idle = Accounts.organizer(accounts);
        LocalDate day = today();
        Event event = testEvents.published(busy, "Atelier " + System.nanoTime(), "Lille");
        testEvents.published(idle, "Calme " + System.nanoTime(), "Lille");
        registerFree(event, 1);
        moveTo(day.plusDays(1), LocalTime.of(8, 0));
        summaries.sendDue();
        assertThat(mail.deliverAndRead(busy.getEmail())).hasSize(1);

        moveTo(day.plusDays(2), LocalTime.of(8, 0));
        summaries.sendDue();

        assertThat(mail.deliverAndRead(busy.getEmail())).as("the day after had nothing").hasSize(1);
        assertThat(mail.receivedBy(idle.getEmail())).as("an organizer whose events had nothing").isEmpty();
    }

    @Test
    void theJobRunTwiceOrFromTwoThreadsWritesOneSummary() throws Exception {
        User organizer = Accounts.organizer(accounts);
        LocalDate day = today();
        registerFree(testEvents.published(organizer, "Atelier " + System.nanoTime(), "Lille"), 1);
        moveTo(day.plusDays(1), LocalTime.of(9, 0));

        List<Race.Outcome<Boolean>> locked = Race.run(2, () -> {
            summaries.sendDue();
            return true;
        });
        summaries.sendDue();
        assertThat(locked).allSatisfy(outcome -> assertThat(outcome.succeeded()).isTrue());
        assertThat(jdbc.queryForObject("select count(*) from shedlock where name = 'daily-summaries'", Integer.class))
                .as("the job runs under its ShedLock lock").isEqualTo(1);
        assertThat(mail.deliverAndRead(organizer.getEmail())).hasSize(1);
        assertThat(rows(organizer, day)).isEqualTo(1);
    }

    @Test
    void twoRunsThatBothMissTheLockStillWriteOneSummary() throws Exception {
        User organizer = Accounts.organizer(accounts);
        LocalDate day = today();
        registerFree(testEvents.published(organizer, "Atelier " + System.nanoTime(), "Lille"), 1);
        moveTo(day.plusDays(1), LocalTime.of(9, 0));

        // past the lock (as two instances whose clocks disagree would be): the (organizer, day) row decides
        List<Race.Outcome<Integer>> runs = Race.run(2, () -> summaries.sendFor(day));

        assertThat(runs).allSatisfy(outcome -> assertThat(outcome.succeeded()).isTrue());
        assertThat(mail.deliverAndRead(organizer.getEmail())).hasSize(1);
        assertThat(rows(organizer, day)).isEqualTo(1);
        assertThat(summaries.sendFor(day)).as("a later run finds it written").isZero();
    }

    @Test
    void anOrganizerWhoSwitchedSummariesOffGetsNone() throws Exception {
        User organizer = Accounts.organizer(accounts);
        preferences.choose(organizer.getEmail(), MailKind.DAILY_SUMMARY, false);
        LocalDate day = today();
        registerFree(testEvents.published(organizer, "Atelier " + System.nanoTime(), "Lille"), 1);
        moveTo(day.plusDays(1), LocalTime.of(9, 0));

        summaries.sendDue();

        assertThat(mail.deliverAndRead(organizer.getEmail())).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from outbox_messages where recipient = ?", Integer.class,
                organizer.getEmail())).isZero();
    }

    @Test
    void aFrenchOrganizerReadsItInFrench() throws Exception {
        User organizer = Accounts.signUp(accounts, Accounts.uniqueEmail("organisatrice"), EnumSet.of(Role.ORGANIZER),
                Locale.FRENCH);
        LocalDate day = today();
        Event event = testEvents.published(organizer, "Atelier " + System.nanoTime(), "Lille");
        registerFree(event, 2);
        Event concert = refundable(organizer, "12.50");
        pay(concert);
        moveTo(day.plusDays(1), LocalTime.of(9, 0));

        summaries.sendDue();

        MimeMessage summary = mail.deliverAndRead(organizer.getEmail()).get(0);
        String dayText = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Locale.FRENCH).format(day);
        assertThat(summary.getSubject()).isEqualTo("Vos événements du " + dayText);
        String text = TestMail.text(summary);
        assertThat(text).contains("Voici ce qui s’est passé pour vos événements le " + dayText + ".",
                "- 1 nouvelle inscription (2 billets)", "- Aucun paiement reçu", "- Aucun remboursement",
                "- 1 paiement reçu : " + Money.format(new BigDecimal("12.50"), "EUR", Locale.FRENCH),
                "Ouvrir mon tableau de bord", "Se désabonner : http://localhost:8080/mail/unsubscribe?");
    }

    @Test
    void aDayMissedWhileNoInstanceRanIsSentWhenOneComesBackButNotABacklog() throws Exception {
        User organizer = Accounts.organizer(accounts);
        LocalDate first = today();
        Event event = testEvents.published(organizer, "Atelier " + System.nanoTime(), "Lille");
        registerFree(event, 1);

        // down all of the next day; back the morning after, before the sending time: the first day is still due
        moveTo(first.plusDays(2), LocalTime.of(6, 30));
        summaries.sendDue();
        List<MimeMessage> received = mail.deliverAndRead(organizer.getEmail());
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).endsWith(
                DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Locale.ENGLISH).format(first));

        // activity on two days, then down until after the second day's summary is due: only the latest goes
        User other = Accounts.organizer(accounts);
        LocalDate third = today();
        registerFree(testEvents.published(other, "Atelier " + System.nanoTime(), "Lille"), 1);
        moveTo(third.plusDays(1), LocalTime.of(12, 0));
        registerFree(testEvents.published(other, "Concert " + System.nanoTime(), "Lille"), 1);
        moveTo(third.plusDays(2), LocalTime.of(8, 0));
        summaries.sendDue();
        List<MimeMessage> latest = mail.deliverAndRead(other.getEmail());
        assertThat(latest).hasSize(1);
        assertThat(latest.get(0).getSubject()).endsWith(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                .withLocale(Locale.ENGLISH).format(third.plusDays(1)));
        assertThat(rows(other, third)).as("the older day is not sent as a backlog").isZero();
    }

    // helpers

    private LocalDate today() {
        return clock.instant().atZone(settings.zone()).toLocalDate();
    }

    /** Moves the test clock forward to that local time of that day, in the summaries' zone. */
    private void moveTo(LocalDate day, LocalTime time) {
        Instant target = day.atTime(time).atZone(settings.zone()).toInstant();
        assertThat(target).as("the test clock only moves forward").isAfter(clock.instant());
        clock.advance(Duration.between(clock.instant(), target));
    }

    private void registerFree(Event event, int tickets) {
        User participant = Accounts.participant(accounts);
        testEvents.register(participant, event.getId(), ticketTypes.of(event.getId()).get(0).getId(), tickets);
    }

    private Event refundable(User organizer, String price) {
        EventDetails base = testEvents.details("Concert " + System.nanoTime(), "Metz", "concert", 12, price,
                Visibility.PUBLIC);
        return testEvents.published(organizer, new EventDetails(base.title(), base.description(),
                base.categorySlug(), base.venueName(), base.address(), base.city(), base.country(), base.onlineUrl(),
                base.startsAt(), base.endsAt(), base.timeZone(), 10, base.price(), base.currency(), base.visibility(),
                base.startsAt().minus(Duration.ofDays(1))));
    }

    private record Paid(User buyer, Order order) {
    }

    /** A new buyer takes one seat of the event and pays it through the sandbox's signed webhook. */
    private Paid pay(Event event) throws Exception {
        User buyer = Accounts.participant(accounts);
        Order held = testEvents.register(buyer, event.getId(), ticketTypes.of(event.getId()).get(0).getId(), 1);
        return new Paid(buyer, new SandboxPayments(mvc, secret, clock).pay(held));
    }

    private int rows(User organizer, LocalDate day) {
        return jdbc.queryForObject("select count(*) from daily_summaries where organizer_id = ? and summary_day = ?",
                Integer.class, organizer.getId(), day);
    }

    /** The part of the text from one heading to the next. */
    private static String section(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as("%s in the summary", from).isNotNegative();
        int end = text.indexOf(to, start + from.length());
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }
}
