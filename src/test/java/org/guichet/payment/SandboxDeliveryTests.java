package org.guichet.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.guichet.payment.sandbox.SandboxWebhooks;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** This context has no HTTP server listening: every delivery fails, as if Guichet were down. */
@IntegrationTest
class SandboxDeliveryTests {

    @Autowired
    SandboxWebhooks webhooks;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @Test
    void keepsAWebhookThatWasNotAcceptedAndRetriesItLater() {
        jdbc.update("insert into sandbox_webhooks (payload, status, attempts, next_attempt_at, created_at) "
                + "values ('{}', 'PENDING', 0, ?, ?)", java.sql.Timestamp.from(clock.instant()),
                java.sql.Timestamp.from(clock.instant()));
        long id = jdbc.queryForObject("select max(id) from sandbox_webhooks", Long.class);

        assertThat(webhooks.deliverDue()).isZero();
        assertThat(jdbc.queryForMap("select status, attempts from sandbox_webhooks where id = ?", id))
                .containsEntry("status", "PENDING").containsEntry("attempts", 1);
        webhooks.deliverDue();
        assertThat(jdbc.queryForObject("select attempts from sandbox_webhooks where id = ?", Integer.class, id))
                .as("not retried before its back-off").isEqualTo(1);
        clock.advance(Duration.ofSeconds(5));
        webhooks.deliverDue();
        assertThat(jdbc.queryForObject("select attempts from sandbox_webhooks where id = ?", Integer.class, id))
                .isEqualTo(2);
    }
}
