package org.guichet.payment.stripe;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionExpireParams;

import org.guichet.payment.Checkout;
import org.guichet.payment.CheckoutPage;
import org.guichet.payment.CheckoutRequest;
import org.guichet.payment.Payment;
import org.guichet.payment.PaymentGateway;
import org.guichet.shared.Refusal;

/**
 * Stripe Checkout through the official library. Stripe will not expire a session sooner than 30 minutes, so a
 * session lives at least that long even when Guichet's hold is shorter.
 */
public class StripeGateway implements PaymentGateway {

    public static final String NAME = "stripe";
    private static final Duration SHORTEST_SESSION = Duration.ofMinutes(31);
    private static final Duration RESUME_MARGIN = Duration.ofMinutes(2);

    private final StripeClient stripe;
    private final Clock clock;

    /** {@code apiBase} is for tests only (a local stub of Stripe's API); blank means Stripe itself. */
    public StripeGateway(String secretKey, String apiBase, Clock clock) {
        StripeClient.StripeClientBuilder builder = StripeClient.builder().setApiKey(secretKey);
        if (apiBase != null && !apiBase.isBlank()) {
            builder.setApiBase(apiBase);
        }
        this.stripe = builder.build();
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Checkout open(CheckoutRequest request) {
        Instant earliest = clock.instant().plus(SHORTEST_SESSION);
        Instant expiresAt = request.expiresAt().isAfter(earliest) ? request.expiresAt() : earliest;
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(String.valueOf(request.orderId()))
                .putMetadata("orderId", String.valueOf(request.orderId()))
                .putMetadata("reference", request.reference())
                .setCustomerEmail(request.customerEmail())
                .setSuccessUrl(request.returnUrl())
                .setCancelUrl(request.returnUrl())
                .setExpiresAt(expiresAt.getEpochSecond())
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                                .setUnitAmount(minorUnits(request.amount(), request.currency()))
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(request.description() + " · " + request.reference())
                                        .build())
                                .build())
                        .build())
                .build();
        try {
            Session session = stripe.v1().checkout().sessions().create(params);
            return new Checkout(session.getId(), session.getUrl());
        } catch (StripeException e) {
            throw new Refusal("payment.error.gateway");
        }
    }

    /** Open only with a few minutes left (a buyer sent there must have time to pay); complete counts as paid. */
    @Override
    public CheckoutPage page(String sessionId) {
        Session session;
        try {
            session = stripe.v1().checkout().sessions().retrieve(sessionId);
        } catch (StripeException e) {
            throw new Refusal("payment.error.gateway");
        }
        if ("complete".equals(session.getStatus())) {
            return CheckoutPage.paid();
        }
        boolean open = "open".equals(session.getStatus()) && session.getUrl() != null && session.getExpiresAt() != null
                && Instant.ofEpochSecond(session.getExpiresAt()).isAfter(clock.instant().plus(RESUME_MARGIN));
        return open ? CheckoutPage.open(new Checkout(session.getId(), session.getUrl())) : CheckoutPage.closed();
    }

    /** Stripe keeps a session open at least 30 minutes: when Guichet's hold ends first, it closes it itself. */
    @Override
    public void expire(String sessionId) {
        try {
            stripe.v1().checkout().sessions().expire(sessionId, SessionExpireParams.builder().build());
        } catch (StripeException e) {
            throw new Refusal("payment.error.gateway");
        }
    }

    @Override
    public String refund(Payment payment) {
        try {
            // The same key on a retry makes Stripe answer with the first refund instead of making another.
            RequestOptions once = RequestOptions.builder()
                    .setIdempotencyKey("guichet-refund-" + payment.getTransactionRef()).build();
            return stripe.v1().refunds()
                    .create(RefundCreateParams.builder().setPaymentIntent(payment.getTransactionRef()).build(), once)
                    .getId();
        } catch (StripeException e) {
            throw new Refusal("payment.error.gateway");
        }
    }

    /** Amounts in the currency's smallest unit, as Stripe counts them (cents for EUR). */
    static long minorUnits(BigDecimal amount, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return amount.movePointRight(digits).longValueExact();
    }
}
