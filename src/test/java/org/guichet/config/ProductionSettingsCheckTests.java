package org.guichet.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionSettingsCheckTests {

    @Test
    void refusesToStartProdNamingEveryMissingSetting() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        environment.setProperty("spring.datasource.url", "jdbc:postgresql://db/guichet");
        environment.setProperty("spring.mail.host", "  ");
        assertThatThrownBy(() -> ProductionSettingsCheck.check(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GUICHET_DB_USER")
                .hasMessageContaining("GUICHET_SMTP_HOST")
                .hasMessageContaining("GUICHET_BASE_URL")
                .hasMessageNotContaining("GUICHET_DB_URL");
    }

    @Test
    void refusesTheDevMailboxInProd() {
        MockEnvironment environment = complete();
        environment.setProperty("guichet.dev-mailbox.enabled", "true");
        assertThatThrownBy(() -> ProductionSettingsCheck.check(environment)).hasMessageContaining("dev mailbox");
    }

    @Test
    void refusesProdWithoutARealGatewayUnlessTheSandboxIsChosen() {
        MockEnvironment environment = complete();
        environment.setProperty("guichet.payments.stripe.secret-key", "");
        assertThatThrownBy(() -> ProductionSettingsCheck.check(environment)).hasMessageContaining("GUICHET_STRIPE_SECRET_KEY");
        environment.setProperty("guichet.payments.allow-sandbox", "true");
        assertThatCode(() -> ProductionSettingsCheck.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void startsProdWhenEverythingIsSetAndIgnoresOtherProfiles() {
        assertThatCode(() -> ProductionSettingsCheck.check(complete())).doesNotThrowAnyException();
        assertThatCode(() -> ProductionSettingsCheck.check(new MockEnvironment())).doesNotThrowAnyException();
    }

    private static MockEnvironment complete() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        ProductionSettingsCheck.REQUIRED.keySet().forEach(key -> environment.setProperty(key, "set"));
        environment.setProperty("guichet.payments.stripe.secret-key", "sk_live_x");
        return environment;
    }
}
