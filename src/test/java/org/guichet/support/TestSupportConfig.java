package org.guichet.support;

import java.util.concurrent.atomic.AtomicBoolean;

import org.guichet.account.UserRepository;
import org.guichet.notification.OutboxSender;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.PasswordEncoder;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfig {

    private static final AtomicBoolean SCHEMA_EMPTIED = new AtomicBoolean();

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    /** Wraps the DataSource so a test can count every statement a request runs (JdbcTemplate's included). */
    @Bean
    static StatementCounter statementCounter() {
        return new StatementCounter();
    }

    /** Lets {@link Accounts} mark the accounts it makes verified. */
    @Bean
    SmartInitializingSingleton verifiedTestAccounts(UserRepository users, PasswordEncoder passwordEncoder,
            MutableClock clock) {
        return () -> Accounts.use(users, passwordEncoder, clock);
    }

    @Bean
    TestMail testMail(OutboxSender sender) {
        TestMailServer.get();
        return new TestMail(sender);
    }

    /** An attachment renderer that counts its renderings, for the outbox's tests. */
    @Bean
    CountedAttachments countedAttachments() {
        return new CountedAttachments();
    }

    /** On PostgreSQL the schema is emptied once per run, so every run starts from the migrations. */
    @Bean
    FlywayMigrationStrategy freshSchemaOnPostgres() {
        return flyway -> {
            if (TestProfiles.onPostgres() && SCHEMA_EMPTIED.compareAndSet(false, true)) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }
}
