package org.guichet.payment.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

import org.guichet.payment.Checkout;
import org.guichet.payment.CheckoutPage;
import org.guichet.payment.CheckoutRequest;
import org.guichet.payment.Payment;
import org.guichet.payment.PaymentGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The built-in test gateway: a hosted page under /sandbox/checkout that behaves like Stripe Checkout. */
@Component
class SandboxGateway implements PaymentGateway {

    static final String NAME = "sandbox";
    private static final String PAGE = "/sandbox/checkout/";

    private final SandboxSessionRepository sessions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SandboxGateway(SandboxSessionRepository sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Closes the sandbox page at once; called after another transaction's commit, so in a new one. */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void expire(String sessionId) {
        sessions.findById(sessionId).ifPresent(SandboxSession::expire);
    }

    /** The sandbox moves no money: a refund is granted at once. */
    @Override
    public String refund(Payment payment) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "re_test_" + HexFormat.of().formatHex(bytes);
    }

    @Override
    @Transactional(readOnly = true)
    public CheckoutPage page(String sessionId) {
        return sessions.findById(sessionId).map(session -> session.getStatus() == SandboxSession.Status.PAID
                ? CheckoutPage.paid()
                : session.isOpen(clock.instant()) ? CheckoutPage.open(new Checkout(session.getId(), PAGE + session.getId()))
                : CheckoutPage.closed()).orElseGet(CheckoutPage::closed);
    }

    @Override
    @Transactional
    public Checkout open(CheckoutRequest request) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        String id = "cs_test_" + HexFormat.of().formatHex(bytes);
        sessions.save(new SandboxSession(id, request.orderId(), request.reference(), request.amount(),
                request.currency(), request.returnUrl(), clock.instant(), request.expiresAt()));
        return new Checkout(id, PAGE + id);
    }
}
