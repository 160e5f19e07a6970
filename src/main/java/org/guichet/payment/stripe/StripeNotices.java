package org.guichet.payment.stripe;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;

import org.guichet.payment.GatewayNotice;

/** Stripe's webhooks, checked with {@code Webhook.constructEvent} on the raw body, in Guichet's words. */
public class StripeNotices {

    private final String webhookSecret;

    public StripeNotices(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public Optional<GatewayNotice> read(String body, String signature) {
        Event event;
        try {
            event = Webhook.constructEvent(body, signature, webhookSecret);
        } catch (SignatureVerificationException | RuntimeException e) {
            return Optional.empty();
        }
        if ("charge.refunded".equals(event.getType())) {
            try {
                Charge charge = (Charge) event.getDataObjectDeserializer().deserializeUnsafe();
                return Optional.of(new GatewayNotice(StripeGateway.NAME, event.getId(), GatewayNotice.Type.REFUNDED, 0,
                        BigDecimal.ZERO, "", charge.getPaymentIntent() == null ? "" : charge.getPaymentIntent()));
            } catch (EventDataObjectDeserializationException | ClassCastException e) {
                return Optional.empty();
            }
        }
        if ("checkout.session.expired".equals(event.getType())) {
            return session(event).map(session -> new GatewayNotice(StripeGateway.NAME, event.getId(),
                    GatewayNotice.Type.CHECKOUT_EXPIRED, Long.parseLong(session.getClientReferenceId()),
                    BigDecimal.ZERO, "", session.getId()));
        }
        if (!"checkout.session.completed".equals(event.getType())) {
            return Optional.of(new GatewayNotice(StripeGateway.NAME, event.getId(), GatewayNotice.Type.OTHER, 0,
                    BigDecimal.ZERO, "", ""));
        }
        Optional<Session> paid = session(event);
        if (paid.isEmpty()) {
            return Optional.empty();
        }
        Session session = paid.get();
        if (!"paid".equals(session.getPaymentStatus())) {
            // Delayed payment methods complete the session before the money arrives: not paid yet.
            return Optional.of(new GatewayNotice(StripeGateway.NAME, event.getId(), GatewayNotice.Type.OTHER, 0,
                    BigDecimal.ZERO, "", ""));
        }
        String currency = session.getCurrency().toUpperCase(Locale.ROOT);
        BigDecimal amount = BigDecimal.valueOf(session.getAmountTotal())
                .movePointLeft(Currency.getInstance(currency).getDefaultFractionDigits());
        return Optional.of(new GatewayNotice(StripeGateway.NAME, event.getId(), GatewayNotice.Type.PAYMENT_SUCCEEDED,
                Long.parseLong(session.getClientReferenceId()), amount, currency,
                session.getPaymentIntent() == null ? "" : session.getPaymentIntent(), session.getId()));
    }

    private static Optional<Session> session(Event event) {
        try {
            Session session = (Session) event.getDataObjectDeserializer().deserializeUnsafe();
            String orderId = session.getClientReferenceId();
            return orderId == null || !orderId.matches("\\d{1,18}") ? Optional.empty() : Optional.of(session);
        } catch (EventDataObjectDeserializationException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
