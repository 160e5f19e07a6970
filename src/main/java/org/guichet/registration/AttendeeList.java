package org.guichet.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.EventService;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An event's attendees for its organizer: searched, filtered, sorted and paged by the database, and streamed
 * whole for exports. Every ticket ever issued is listed, whatever became of it, with its order's state.
 */
@Service
public class AttendeeList {

    private static final String FROM = """
             from tickets t
             join orders o on o.id = t.order_id
             join users u on u.id = o.user_id
             join ticket_types tt on tt.id = t.ticket_type_id
            where t.event_id = :event""";

    private static final RowMapper<Attendee> ROW = AttendeeList::attendee;

    private final NamedParameterJdbcTemplate jdbc;
    private final EventService events;

    AttendeeList(NamedParameterJdbcTemplate jdbc, EventService events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public record Page(List<Attendee> attendees, long total, int page, int pages) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ORGANIZER', 'ADMIN')")
    public Page page(long eventId, AccountPrincipal organizer, AttendeeQuery query) {
        events.manageable(eventId, organizer);
        MapSqlParameterSource parameters = parameters(eventId, query);
        String where = where(query);
        long total = jdbc.queryForObject("select count(*)" + FROM + where, parameters, Long.class);
        int pages = (int) Math.max(1, (total + AttendeeQuery.PAGE_SIZE - 1) / AttendeeQuery.PAGE_SIZE);
        int page = Math.min(query.page(), pages - 1);
        parameters.addValue("limit", AttendeeQuery.PAGE_SIZE).addValue("offset", page * AttendeeQuery.PAGE_SIZE);
        List<Attendee> attendees = jdbc.query(select(query, where) + " limit :limit offset :offset", parameters, ROW);
        return new Page(attendees, total, page, pages);
    }

    /**
     * One page of {@code size} attendees, numbered from 0 (the query's own page is not used); a page past the last
     * is empty. For callers that choose their page size, as the API does.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ORGANIZER', 'ADMIN')")
    public org.springframework.data.domain.Page<Attendee> page(long eventId, AccountPrincipal organizer,
            AttendeeQuery query, int page, int size) {
        events.manageable(eventId, organizer);
        MapSqlParameterSource parameters = parameters(eventId, query);
        String where = where(query);
        long total = jdbc.queryForObject("select count(*)" + FROM + where, parameters, Long.class);
        PageRequest pageable = PageRequest.of(page, size);
        parameters.addValue("limit", size).addValue("offset", pageable.getOffset());
        List<Attendee> attendees = total <= pageable.getOffset() ? List.of()
                : jdbc.query(select(query, where) + " limit :limit offset :offset", parameters, ROW);
        return new PageImpl<>(attendees, pageable, total);
    }

    /** Every attendee the query matches, all pages, one at a time: exports never hold the list in memory. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ORGANIZER', 'ADMIN')")
    public void each(long eventId, AccountPrincipal organizer, AttendeeQuery query, Consumer<Attendee> action) {
        events.manageable(eventId, organizer);
        RowCallbackHandler handler = resultSet -> action.accept(attendee(resultSet, 0));
        jdbc.query(select(query, where(query)), parameters(eventId, query), handler);
    }

    private static String select(AttendeeQuery query, String where) {
        String direction = query.descending() ? " desc" : " asc";
        return "select t.id, t.attendee_name, u.email, o.created_at, tt.name as type_name, o.status as order_status,"
                + " t.payment_status, o.reference, t.checked_in_at" + FROM + where
                + " order by " + query.sort().column() + direction + ", t.id" + direction;
    }

    private static String where(AttendeeQuery query) {
        StringBuilder where = new StringBuilder();
        if (!query.search().isEmpty()) {
            where.append(" and (lower(t.attendee_name) like :search escape '\\' or lower(u.email) like :search escape '\\'"
                    + " or lower(o.reference) like :search escape '\\')");
        }
        if (query.payment() != null) {
            where.append(" and t.payment_status = :payment");
        }
        if (query.checkIn() == AttendeeQuery.CheckIn.IN) {
            where.append(" and t.checked_in_at is not null");
        } else if (query.checkIn() == AttendeeQuery.CheckIn.OUT) {
            where.append(" and t.checked_in_at is null");
        }
        return where.toString();
    }

    private static MapSqlParameterSource parameters(long eventId, AttendeeQuery query) {
        String escaped = query.search().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return new MapSqlParameterSource("event", eventId)
                .addValue("search", "%" + escaped + "%")
                .addValue("payment", query.payment() == null ? null : query.payment().name());
    }

    private static Attendee attendee(ResultSet row, int number) throws SQLException {
        OffsetDateTime checkedIn = row.getObject("checked_in_at", OffsetDateTime.class);
        return new Attendee(row.getLong("id"), row.getString("attendee_name"), row.getString("email"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(), row.getString("type_name"),
                OrderStatus.valueOf(row.getString("order_status")), PaymentStatus.valueOf(row.getString("payment_status")),
                row.getString("reference"), checkedIn == null ? null : checkedIn.toInstant());
    }
}
