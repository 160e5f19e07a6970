package org.guichet.dashboard;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only figures for the organizer's dashboard. Every method runs a fixed number of aggregate statements over
 * the events, orders, tickets, payments and waiting-list tables, whatever the number of events and tickets; only
 * already-aggregated rows reach Java. The SQL runs as it is on H2 (PostgreSQL mode) and PostgreSQL.
 */
@Service
public class DashboardQueries {

    /** The counts of each event in scope: orders, tickets and waiting list aggregated apart, then joined. */
    private static final String COUNTS = """
            select e.id, e.capacity, e.seats_taken,
                   coalesce(o.registrations, 0) as registrations, coalesce(o.held, 0) as held_orders,
                   coalesce(o.orders, 0) as orders,
                   coalesce(t.sold, 0) as sold, coalesce(t.reserved, 0) as reserved,
                   coalesce(t.cancelled, 0) as cancelled, coalesce(t.checked_in, 0) as checked_in,
                   coalesce(w.waiting, 0) as waiting
            from events e
            left join (select o.event_id,
                              sum(case when o.status = 'CONFIRMED' then 1 else 0 end) as registrations,
                              sum(case when o.status = 'PENDING_PAYMENT' then 1 else 0 end) as held,
                              count(*) as orders
                       from orders o join events oe on oe.id = o.event_id
                       where oe.%1$s = :scope
                       group by o.event_id) o on o.event_id = e.id
            left join (select t.event_id,
                              sum(case when t.status = 'VALID' then 1 else 0 end) as sold,
                              sum(case when t.status = 'RESERVED' then 1 else 0 end) as reserved,
                              sum(case when t.status = 'CANCELLED' then 1 else 0 end) as cancelled,
                              sum(case when t.status = 'VALID' and t.checked_in_at is not null then 1 else 0 end)
                                  as checked_in
                       from tickets t join events te on te.id = t.event_id
                       where te.%1$s = :scope
                       group by t.event_id) t on t.event_id = e.id
            left join (select w.event_id, count(*) as waiting
                       from waiting_list_entries w join events we on we.id = w.event_id
                       where we.%1$s = :scope and w.status in ('WAITING', 'OFFERED')
                       group by w.event_id) w on w.event_id = e.id
            where e.%1$s = :scope
            """;

    /** Money of each event in scope, per currency. */
    private static final String REVENUE = """
            select o.event_id, p.currency, sum(p.amount) as gross, sum(p.refunded_amount) as refunds,
                   sum(case when p.refund_reason in ('ALREADY_PAID', 'ORDER_CLOSED', 'SUPERSEDED', 'SEATS_GONE')
                       then 1 else 0 end) as automatic_refunds,
                   sum(case when p.refund_reason in ('ALREADY_PAID', 'ORDER_CLOSED', 'SUPERSEDED', 'SEATS_GONE')
                       then p.refunded_amount else 0 end) as automatically_refunded
            from payments p
            join orders o on o.id = p.order_id
            join events e on e.id = o.event_id
            where e.%1$s = :scope
            group by o.event_id, p.currency
            """;

    private static final String TICKETS = """
            select t.status, t.payment_status, count(*) as tickets,
                   sum(case when t.checked_in_at is not null then 1 else 0 end) as checked_in
            from tickets t
            where t.event_id = :event
            group by t.status, t.payment_status
            order by t.status, t.payment_status
            """;

    /**
     * Confirmed orders per day of confirmation in the event's time zone. The day is read field by field: H2 keeps
     * the offset AT TIME ZONE gives (and would cast to a date in the session's zone), PostgreSQL drops it.
     */
    private static final String REGISTRATIONS_PER_DAY = """
            select d.sale_year, d.sale_month, d.sale_day, count(*) as registrations
            from (select extract(year from (o.confirmed_at at time zone '%1$s')) as sale_year,
                         extract(month from (o.confirmed_at at time zone '%1$s')) as sale_month,
                         extract(day from (o.confirmed_at at time zone '%1$s')) as sale_day
                  from orders o
                  where o.event_id = :event and o.status = 'CONFIRMED') d
            group by d.sale_year, d.sale_month, d.sale_day
            """;

    /** Payments received per day in the event's time zone, per currency. */
    private static final String GROSS_PER_DAY = """
            select d.sale_year, d.sale_month, d.sale_day, d.currency, sum(d.amount) as gross
            from (select extract(year from (p.paid_at at time zone '%1$s')) as sale_year,
                         extract(month from (p.paid_at at time zone '%1$s')) as sale_month,
                         extract(day from (p.paid_at at time zone '%1$s')) as sale_day,
                         p.currency, p.amount
                  from payments p join orders o on o.id = p.order_id
                  where o.event_id = :event) d
            group by d.sale_year, d.sale_month, d.sale_day, d.currency
            """;

    /** Orders confirmed during a period, with their tickets, per event. */
    private static final String REGISTRATIONS_BETWEEN = """
            select e.id as event_id, e.organizer_id, e.title, count(distinct o.id) as registrations,
                   count(t.id) as tickets
            from orders o
            join events e on e.id = o.event_id
            left join tickets t on t.order_id = o.id
            where o.confirmed_at >= :from and o.confirmed_at < :to
            group by e.id, e.organizer_id, e.title
            """;

    /** Payments received during a period, per event and currency. */
    private static final String PAYMENTS_BETWEEN = """
            select e.id as event_id, e.organizer_id, e.title, p.currency, count(*) as payments,
                   sum(p.amount) as amount
            from payments p
            join orders o on o.id = p.order_id
            join events e on e.id = o.event_id
            where p.paid_at >= :from and p.paid_at < :to
            group by e.id, e.organizer_id, e.title, p.currency
            """;

    /** Payments refunded (or owed back) during a period, per event and currency. */
    private static final String REFUNDS_BETWEEN = """
            select e.id as event_id, e.organizer_id, e.title, p.currency, count(*) as refunds,
                   sum(p.refunded_amount) as amount
            from payments p
            join orders o on o.id = p.order_id
            join events e on e.id = o.event_id
            where p.refunded_at >= :from and p.refunded_at < :to
            group by e.id, e.organizer_id, e.title, p.currency
            """;

    private static final Pattern SAFE_ZONE = Pattern.compile("[A-Za-z0-9/_+\\-]+");

    private final NamedParameterJdbcTemplate jdbc;

    DashboardQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of every event of this organizer, by event id: two statements. */
    @Transactional(readOnly = true)
    public Map<Long, EventFigures> ofOrganizer(long organizerId) {
        return figures("organizer_id", organizerId);
    }

    /** One event's figures: two statements. */
    @Transactional(readOnly = true)
    public EventFigures ofEvent(long eventId) {
        return figures("id", eventId).get(eventId);
    }

    /** How many of the event's tickets are in each state and payment state: one statement. */
    @Transactional(readOnly = true)
    public List<TicketCount> tickets(long eventId) {
        return jdbc.query(TICKETS, new MapSqlParameterSource("event", eventId), (row, n) -> new TicketCount(
                row.getString("status"), row.getString("payment_status"), row.getLong("tickets"),
                row.getLong("checked_in")));
    }

    /**
     * Registrations and payments per day in the event's time zone, from the day it was published to today or
     * its last day, whichever comes first; every day of that span is there, empty ones included. Two statements;
     * none for an event never published.
     */
    @Transactional(readOnly = true)
    public List<DayFigures> perDay(long eventId, ZoneId zone, Instant publishedAt, Instant endsAt, Instant now) {
        if (publishedAt == null) {
            return List.of();
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("event", eventId);
        // H2 takes no parameter after AT TIME ZONE: the zone is written in, once checked to be a region id.
        String zoneId = zone.getId();
        if (!SAFE_ZONE.matcher(zoneId).matches()) {
            throw new IllegalArgumentException("Unexpected time zone " + zoneId);
        }
        Map<LocalDate, Long> registrations = new HashMap<>();
        jdbc.query(REGISTRATIONS_PER_DAY.formatted(zoneId), parameters,
                (ResultSet row) -> {
                    registrations.put(day(row), row.getLong("registrations"));
                });
        Map<LocalDate, Map<String, BigDecimal>> gross = new HashMap<>();
        jdbc.query(GROSS_PER_DAY.formatted(zoneId), parameters, (ResultSet row) -> {
            gross.computeIfAbsent(day(row), day -> new TreeMap<>())
                    .put(row.getString("currency"), row.getBigDecimal("gross"));
        });

        TreeSet<LocalDate> known = new TreeSet<>(registrations.keySet());
        known.addAll(gross.keySet());
        LocalDate first = publishedAt.atZone(zone).toLocalDate();
        LocalDate last = (now.isBefore(endsAt) ? now : endsAt).atZone(zone).toLocalDate();
        if (!known.isEmpty()) {
            first = min(first, known.first());
            last = max(last, known.last());
        }
        last = max(first, last);
        List<DayFigures> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(new DayFigures(day, registrations.getOrDefault(day, 0L), gross.getOrDefault(day, Map.of())));
        }
        return days;
    }

    /**
     * Every event that had registrations, payments or refunds during {@code [from, to)}, whoever organizes it, by
     * event id: three statements, each reading only that period's rows.
     */
    @Transactional(readOnly = true)
    public Map<Long, DayActivity> activity(Instant from, Instant to) {
        MapSqlParameterSource period = new MapSqlParameterSource("from", from.atOffset(ZoneOffset.UTC))
                .addValue("to", to.atOffset(ZoneOffset.UTC));
        Map<Long, DayActivity> events = new TreeMap<>();
        jdbc.query(REGISTRATIONS_BETWEEN, period, (ResultSet row) -> {
            DayActivity each = activityOf(events, row);
            events.put(each.eventId(), new DayActivity(each.eventId(), each.organizerId(), each.eventTitle(),
                    row.getLong("registrations"), row.getLong("tickets"), each.payments(), each.sales(),
                    each.refunds(), each.refunded()));
        });
        jdbc.query(PAYMENTS_BETWEEN, period, (ResultSet row) -> {
            DayActivity each = activityOf(events, row);
            Map<String, BigDecimal> sales = new TreeMap<>(each.sales());
            sales.merge(row.getString("currency"), row.getBigDecimal("amount"), BigDecimal::add);
            events.put(each.eventId(), new DayActivity(each.eventId(), each.organizerId(), each.eventTitle(),
                    each.registrations(), each.tickets(), each.payments() + row.getLong("payments"), sales,
                    each.refunds(), each.refunded()));
        });
        jdbc.query(REFUNDS_BETWEEN, period, (ResultSet row) -> {
            DayActivity each = activityOf(events, row);
            Map<String, BigDecimal> refunded = new TreeMap<>(each.refunded());
            refunded.merge(row.getString("currency"), row.getBigDecimal("amount"), BigDecimal::add);
            events.put(each.eventId(), new DayActivity(each.eventId(), each.organizerId(), each.eventTitle(),
                    each.registrations(), each.tickets(), each.payments(), each.sales(),
                    each.refunds() + row.getLong("refunds"), refunded));
        });
        return events;
    }

    private static DayActivity activityOf(Map<Long, DayActivity> events, ResultSet row) throws SQLException {
        long eventId = row.getLong("event_id");
        DayActivity known = events.get(eventId);
        return known != null ? known : new DayActivity(eventId, row.getLong("organizer_id"), row.getString("title"),
                0, 0, 0, Map.of(), 0, Map.of());
    }

    private Map<Long, EventFigures> figures(String scopeColumn, long scope) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("scope", scope);
        Map<Long, List<Revenue>> revenue = new HashMap<>();
        jdbc.query(REVENUE.formatted(scopeColumn), parameters, (ResultSet row) -> {
            revenue.computeIfAbsent(row.getLong("event_id"), id -> new ArrayList<>()).add(new Revenue(
                    row.getString("currency"), row.getBigDecimal("gross"), row.getBigDecimal("refunds"),
                    row.getLong("automatic_refunds"), row.getBigDecimal("automatically_refunded")));
        });
        Map<Long, EventFigures> figures = new LinkedHashMap<>();
        jdbc.query(COUNTS.formatted(scopeColumn), parameters, (ResultSet row) -> {
            EventFigures each = counts(row, Revenue.sum(revenue.getOrDefault(row.getLong("id"), List.of())));
            figures.put(each.eventId(), each);
        });
        return figures;
    }

    private static EventFigures counts(ResultSet row, List<Revenue> revenue) throws SQLException {
        return new EventFigures(row.getLong("id"), row.getInt("capacity"), row.getInt("seats_taken"),
                row.getLong("registrations"), row.getLong("held_orders"), row.getLong("orders"),
                row.getLong("sold"), row.getLong("reserved"), row.getLong("cancelled"), row.getLong("checked_in"),
                row.getLong("waiting"), revenue);
    }

    private static LocalDate day(ResultSet row) throws SQLException {
        return LocalDate.of(row.getInt("sale_year"), row.getInt("sale_month"), row.getInt("sale_day"));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
