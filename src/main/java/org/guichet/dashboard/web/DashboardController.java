package org.guichet.dashboard.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.guichet.account.AccountPrincipal;
import org.guichet.dashboard.DashboardQueries;
import org.guichet.dashboard.DayFigures;
import org.guichet.dashboard.EventFigures;
import org.guichet.dashboard.Totals;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.event.EventStatus;
import org.guichet.event.Visibility;
import org.guichet.shared.AbsoluteLinks;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import tools.jackson.databind.json.JsonMapper;

/** The organizer's control room: every event with its figures, and one event's figures, chart and settings. */
@Controller
class DashboardController {

    private final EventService events;
    private final DashboardQueries queries;
    private final JsonMapper json;
    private final Clock clock;
    private final AbsoluteLinks links;

    DashboardController(EventService events, DashboardQueries queries, JsonMapper json, Clock clock,
            AbsoluteLinks links) {
        this.events = events;
        this.queries = queries;
        this.json = json;
        this.clock = clock;
        this.links = links;
    }

    /** Upcoming events first (soonest first), then drafts, then past and cancelled ones (latest first). */
    @GetMapping("/dashboard")
    String dashboard(@AuthenticationPrincipal AccountPrincipal organizer, Model model) {
        List<Event> mine = events.organizedBy(organizer);
        Map<Long, EventFigures> figures = queries.ofOrganizer(organizer.id());
        Instant now = clock.instant();
        List<EventRow> rows = mine.stream()
                .map(event -> EventRow.of(event, figures.getOrDefault(event.getId(),
                        EventFigures.none(event.getId(), event.getCapacity(), event.getSeatsTaken())), now))
                .toList();
        Map<String, List<EventRow>> groups = new LinkedHashMap<>();
        groups.put("upcoming", rows.stream()
                .filter(row -> row.event().getStatus() == EventStatus.PUBLISHED && !row.event().isOver(now))
                .toList());
        groups.put("drafts", rows.stream().filter(row -> row.event().getStatus() == EventStatus.DRAFT).toList());
        groups.put("past", rows.stream()
                .filter(row -> row.event().getStatus() == EventStatus.CANCELLED
                        || row.event().getStatus() == EventStatus.PUBLISHED && row.event().isOver(now))
                .sorted(Comparator.comparing((EventRow row) -> row.event().getStartsAt()).reversed())
                .toList());
        model.addAttribute("groups", groups);
        model.addAttribute("totals", Totals.of(rows.stream().map(EventRow::figures).toList()));
        return "dashboard/index";
    }

    @GetMapping("/dashboard/events/{id}")
    String event(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer, Locale locale,
            Model model) {
        Event event = events.manageable(id, organizer);
        Instant now = clock.instant();
        EventFigures figures = queries.ofEvent(id);
        List<DayFigures> days = queries.perDay(id, event.getZone(), event.getPublishedAt(), event.getEndsAt(), now);
        model.addAttribute("event", event);
        model.addAttribute("row", EventRow.of(event, figures, now));
        model.addAttribute("figures", figures);
        model.addAttribute("tickets", queries.tickets(id));
        model.addAttribute("days", days);
        model.addAttribute("chartCurrencies", currencies(days));
        model.addAttribute("chart", chart(days, locale));
        // Only a private event's page shows its invitations.
        model.addAttribute("invitations", event.getVisibility() == Visibility.PRIVATE
                ? events.invitations(id, organizer) : List.of());
        model.addAttribute("privateLink", links.base() + "/events/" + id + "/" + event.getSlug() + "?key="
                + event.getPrivateToken());
        model.addAttribute("now", now);
        return "dashboard/event";
    }

    private static List<String> currencies(List<DayFigures> days) {
        TreeSet<String> currencies = new TreeSet<>();
        days.forEach(day -> currencies.addAll(day.gross().keySet()));
        return List.copyOf(currencies);
    }

    /** What the chart script draws, as JSON in a data attribute (no inline script). */
    private String chart(List<DayFigures> days, Locale locale) {
        DateTimeFormatter label = DateTimeFormatter.ofPattern("d MMM", locale);
        List<Map<String, Object>> revenue = new ArrayList<>();
        for (String currency : currencies(days)) {
            revenue.add(Map.of("currency", currency,
                    "data", days.stream().map(day -> day.grossIn(currency)).toList()));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", days.stream().map(day -> label.format(day.day())).toList());
        chart.put("registrations", days.stream().map(DayFigures::registrations).toList());
        chart.put("revenue", revenue);
        return json.writeValueAsString(chart);
    }
}
