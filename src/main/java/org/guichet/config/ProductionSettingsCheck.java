package org.guichet.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the {@code prod} profile while a required setting is missing, naming each one,
 * before anything tries to connect with a half-made configuration.
 */
public class ProductionSettingsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** Property that must be set, and the environment variable that application-prod.properties reads it from. */
    static final Map<String, String> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("spring.datasource.url", "GUICHET_DB_URL");
        REQUIRED.put("spring.datasource.username", "GUICHET_DB_USER");
        REQUIRED.put("spring.datasource.password", "GUICHET_DB_PASSWORD");
        REQUIRED.put("spring.mail.host", "GUICHET_SMTP_HOST");
        REQUIRED.put("spring.mail.port", "GUICHET_SMTP_PORT");
        REQUIRED.put("guichet.mail.from", "GUICHET_MAIL_FROM");
        REQUIRED.put("guichet.base-url", "GUICHET_BASE_URL");
        REQUIRED.put("guichet.storage.directory", "GUICHET_STORAGE_DIR");
        REQUIRED.put("guichet.tickets.private-key", "GUICHET_TICKET_KEY");
        REQUIRED.put("guichet.api.signing-key", "GUICHET_API_KEY");
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    static void check(ConfigurableEnvironment environment) {
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        List<String> missing = REQUIRED.entrySet().stream()
                .filter(setting -> isBlank(environment.getProperty(setting.getKey())))
                .map(setting -> setting.getValue() + " (" + setting.getKey() + ")")
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "Guichet will not start with the prod profile: missing settings " + String.join(", ", missing));
        }
        if (isBlank(environment.getProperty("guichet.payments.stripe.secret-key"))
                && !environment.getProperty("guichet.payments.allow-sandbox", Boolean.class, false)) {
            throw new IllegalStateException("Guichet will not start with the prod profile: no payment gateway. Set "
                    + "GUICHET_STRIPE_SECRET_KEY and GUICHET_STRIPE_WEBHOOK_SECRET, or GUICHET_ALLOW_SANDBOX=true "
                    + "to take test payments that move no money");
        }
        if (environment.getProperty("guichet.dev-mailbox.enabled", Boolean.class, false)) {
            throw new IllegalStateException("Guichet will not start with the prod profile: the dev mailbox must stay off");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
