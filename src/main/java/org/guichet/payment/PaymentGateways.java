package org.guichet.payment;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.guichet.payment.stripe.StripeGateway;
import org.guichet.payment.stripe.StripeNotices;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Stripe when its keys are configured, the built-in sandbox otherwise; refunds go back through the payment's own. */
@Configuration(proxyBeanMethods = false)
public class PaymentGateways {

    private static final String STRIPE_KEY = "guichet.payments.stripe.secret-key";

    @Bean
    @ConditionalOnExpression("'${guichet.payments.stripe.secret-key:}' != ''")
    StripeGateway stripeGateway(Environment environment, Clock clock) {
        return new StripeGateway(environment.getRequiredProperty(STRIPE_KEY),
                environment.getProperty("guichet.payments.stripe.api-base"), clock);
    }

    @Bean
    @ConditionalOnExpression("'${guichet.payments.stripe.secret-key:}' != ''")
    StripeNotices stripeNotices(Environment environment) {
        return new StripeNotices(environment.getRequiredProperty("guichet.payments.stripe.webhook-secret"));
    }

    @Bean
    Registry paymentGatewayRegistry(List<PaymentGateway> gateways) {
        return new Registry(gateways);
    }

    /** Every gateway Guichet can talk to, and the one new checkouts use. */
    public record Registry(List<PaymentGateway> all) {

        public PaymentGateway active() {
            return named(StripeGateway.NAME).orElseGet(() -> named("sandbox").orElseThrow());
        }

        public Optional<PaymentGateway> named(String name) {
            return all.stream().filter(gateway -> gateway.name().equals(name)).findFirst();
        }
    }
}
