package org.guichet.config;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentRememberMeToken;

/**
 * The {@code persistent_logins} table: Spring Security's own queries create a login and remove every login of an
 * account (sign-out everywhere); rotation is a guarded update that keeps the replaced value and when it changed.
 */
class RememberMeTokens extends JdbcTokenRepositoryImpl {

    RememberMeTokens(DataSource dataSource) {
        setDataSource(dataSource);
    }

    void create(String username, String series, String value, Instant now) {
        createNewToken(new PersistentRememberMeToken(username, series, value, Date.from(now)));
    }

    Optional<RememberMeToken> find(String series) {
        return getJdbcTemplate().query("""
                select username, series, token, previous_token, rotated_at, last_used
                from persistent_logins where series = ?""",
                (row, index) -> new RememberMeToken(row.getString("username"), row.getString("series"),
                        row.getString("token"), row.getString("previous_token"),
                        instant(row.getObject("rotated_at", OffsetDateTime.class)),
                        row.getTimestamp("last_used").toInstant()),
                series).stream().findFirst();
    }

    /**
     * Replaces the value, only if it is still the one presented; false when a request sent at the same time
     * replaced it first.
     */
    boolean rotate(String series, String presented, String next, Instant now) {
        return getJdbcTemplate().update("""
                update persistent_logins set previous_token = token, token = ?, rotated_at = ?, last_used = ?
                where series = ? and token = ?""",
                next, now.atOffset(ZoneOffset.UTC), Timestamp.from(now), series, presented) == 1;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
