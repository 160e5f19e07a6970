package org.guichet.registration;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.EventService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An event's waiting list as its organizer sees it: the people still in it (waiting, or offered a held seat), in
 * the order seats go to them, first come first. {@link WaitingLists} is the participants' side.
 */
@Service
public class EventWaitingList {

    private static final String FROM = """
             from waiting_list_entries w
             join users u on u.id = w.user_id
             left join ticket_types wt on wt.id = w.wanted_type_id
             left join ticket_types ot on ot.id = w.ticket_type_id
            where w.event_id = :event and w.status in ('WAITING', 'OFFERED')""";

    private final NamedParameterJdbcTemplate jdbc;
    private final EventService events;

    EventWaitingList(NamedParameterJdbcTemplate jdbc, EventService events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * One person in the list. {@code position} counts from 1 in queue order; {@code wantedType} is the one type
     * they wait for (null: any seat), {@code offeredType} the type of the seat held for them while OFFERED.
     */
    public record Line(long entryId, int position, String name, String email, WaitingListEntry.Status status,
            String wantedType, String offeredType, Instant joinedAt, Instant offeredAt, Instant offerExpiresAt) {
    }

    /** A page of the list in queue order: two statements. Another organizer's event is not found. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ORGANIZER', 'ADMIN')")
    public Page<Line> page(long eventId, AccountPrincipal organizer, Pageable pageable) {
        events.manageable(eventId, organizer);
        MapSqlParameterSource parameters = new MapSqlParameterSource("event", eventId)
                .addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        long total = jdbc.queryForObject("select count(*)" + FROM, parameters, Long.class);
        if (total <= pageable.getOffset()) {
            return new PageImpl<>(List.of(), pageable, total);
        }
        int[] next = {(int) pageable.getOffset() + 1};
        List<Line> lines = jdbc.query("""
                select w.id, u.first_name, u.last_name, u.email, w.status, wt.name as wanted_type,
                       ot.name as offered_type, w.created_at, w.offered_at, w.offer_expires_at""" + FROM
                + " order by w.created_at, w.id limit :limit offset :offset", parameters,
                (row, n) -> new Line(row.getLong("id"), next[0]++,
                        (row.getString("first_name") + " " + row.getString("last_name")).strip(),
                        row.getString("email"), WaitingListEntry.Status.valueOf(row.getString("status")),
                        row.getString("wanted_type"), row.getString("offered_type"),
                        instant(row.getObject("created_at", OffsetDateTime.class)),
                        instant(row.getObject("offered_at", OffsetDateTime.class)),
                        instant(row.getObject("offer_expires_at", OffsetDateTime.class))));
        return new PageImpl<>(lines, pageable, total);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
