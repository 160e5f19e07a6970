package org.guichet.dashboard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.event.Money;
import org.guichet.notification.Mail;
import org.guichet.notification.MailKind;
import org.guichet.notification.MailPreferences;
import org.guichet.notification.Outbox;
import org.guichet.shared.AbsoluteLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organizers' daily summary: each morning, every organizer whose events had registrations, payments or refunds
 * the day before gets one mail with that day's figures per event, in their language, unless they switched it off.
 * <p>
 * Once per organizer and day, however many instances run: the job holds a ShedLock lock while it runs, and each
 * summary's mail is written in the transaction that inserts its {@code daily_summaries} row, whose primary key
 * (organizer, day) refuses a second one; a summary that lost that race writes nothing. The job only ever sends the
 * latest due day ({@link SummarySettings#dueDay}): a day missed while no instance ran goes out when one comes back,
 * until the next day's is due; older days are not sent as a backlog (yesterday's figures are news, last week's are
 * on the dashboard).
 */
@Component
@EnableConfigurationProperties(SummarySettings.class)
class DailySummaries {

    static final String TEMPLATE = "daily-summary";
    private static final Logger log = LoggerFactory.getLogger(DailySummaries.class);

    private final DashboardQueries queries;
    private final SummarySettings settings;
    private final UserRepository users;
    private final MailPreferences preferences;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AbsoluteLinks links;

    DailySummaries(DashboardQueries queries, SummarySettings settings, UserRepository users,
            MailPreferences preferences, Outbox outbox, TransactionTemplate transactions, JdbcTemplate jdbc,
            Clock clock, AbsoluteLinks links) {
        this.queries = queries;
        this.settings = settings;
        this.users = users;
        this.preferences = preferences;
        this.outbox = outbox;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.links = links;
    }

    /** Every check interval: the summaries of the latest due day not written yet. */
    @Scheduled(fixedDelayString = "${guichet.summaries.check-interval:15m}",
            initialDelayString = "${guichet.summaries.check-interval:15m}")
    @SchedulerLock(name = "daily-summaries", lockAtMostFor = "10m")
    public void sendDue() {
        int sent = sendFor(settings.dueDay(clock.instant()));
        if (sent > 0) {
            log.info("{} daily summaries written", sent);
        }
    }

    /** The summaries of one day for the organizers who had activity and have none for that day yet. */
    int sendFor(LocalDate day) {
        Map<Long, DayActivity> activity = queries.activity(settings.start(day), settings.end(day));
        Map<Long, List<DayActivity>> byOrganizer = activity.values().stream()
                .filter(each -> !each.isQuiet())
                .collect(Collectors.groupingBy(DayActivity::organizerId, TreeMap::new, Collectors.toList()));
        if (byOrganizer.isEmpty()) {
            return 0;
        }
        Set<Long> done = new HashSet<>(jdbc.queryForList("select organizer_id from daily_summaries where summary_day = ?",
                Long.class, day));
        int sent = 0;
        for (Map.Entry<Long, List<DayActivity>> organizer : byOrganizer.entrySet()) {
            if (!done.contains(organizer.getKey()) && send(organizer.getKey(), day, organizer.getValue())) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * One organizer's summary of one day: its row and its mail in one transaction, or nothing when another
     * run wrote that row first (or the organizer switched summaries off). Returns whether a mail was written.
     */
    boolean send(long organizerId, LocalDate day, List<DayActivity> events) {
        User organizer = users.findById(organizerId).orElse(null);
        if (organizer == null || !preferences.wants(organizer.getEmail(), MailKind.DAILY_SUMMARY)) {
            return false;
        }
        Mail mail = mail(organizer, day, events);
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                jdbc.update("insert into daily_summaries (organizer_id, summary_day, sent_at) values (?, ?, ?)",
                        organizerId, day, clock.instant().atOffset(ZoneOffset.UTC));
                return outbox.enqueue(mail);
            }));
        } catch (DuplicateKeyException alreadyWritten) {
            log.debug("The summary of {} for organizer {} was written by another run", day, organizerId);
            return false;
        }
    }

    private Mail mail(User organizer, LocalDate day, List<DayActivity> events) {
        Locale locale = organizer.getLanguage();
        String dayText = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(day);
        List<Map<String, Object>> lines = new ArrayList<>();
        events.stream().sorted(Comparator.comparing(DayActivity::eventTitle, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(DayActivity::eventId)).forEach(event -> {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("title", event.eventTitle());
                    line.put("link", links.base() + "/dashboard/events/" + event.eventId());
                    line.put("registrations", event.registrations());
                    line.put("tickets", event.tickets());
                    line.put("payments", event.payments());
                    line.put("sales", amounts(event.sales(), locale));
                    line.put("refunds", event.refunds());
                    line.put("refunded", amounts(event.refunded(), locale));
                    lines.add(line);
                });
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("firstName", organizer.getFirstName());
        variables.put("day", dayText);
        variables.put("events", lines);
        variables.put("dashboardLink", links.base() + "/dashboard");
        variables.put("zone", settings.zone().getDisplayName(TextStyle.FULL, locale));
        return new Mail(organizer.getEmail(), locale, TEMPLATE, variables, List.of(dayText))
                .kind(MailKind.DAILY_SUMMARY);
    }

    /** Amounts per currency in the reader's format, joined: "40,00 € + 12,00 $US". */
    private static String amounts(Map<String, BigDecimal> perCurrency, Locale locale) {
        return perCurrency.entrySet().stream()
                .map(amount -> Money.format(amount.getValue(), amount.getKey(), locale))
                .collect(Collectors.joining(" + "));
    }
}
