package org.guichet.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds Guichet owes: recorded in the transaction that decides them, sent to the payment's gateway right after
 * its commit, and retried with a doubling delay until the gateway takes them. Gateways are asked with an
 * idempotency key, so a retry after a lost answer never refunds twice.
 */
@Component
class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final PaymentRepository payments;
    private final PaymentGateways.Registry gateways;
    private final ApplicationEventPublisher publisher;
    private final TaskExecutor executor;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration retryBaseDelay;
    private final int maxAttempts;

    Refunds(PaymentRepository payments, PaymentGateways.Registry gateways, ApplicationEventPublisher publisher,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor, PlatformTransactionManager transactionManager, Clock clock,
            @Value("${guichet.payments.refund-retry-base-delay:1m}") Duration retryBaseDelay,
            @Value("${guichet.payments.refund-max-attempts:12}") int maxAttempts) {
        this.payments = payments;
        this.gateways = gateways;
        this.publisher = publisher;
        this.executor = executor;
        // Sending runs after another transaction's commit, while that one is still bound: always a new one.
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.retryBaseDelay = retryBaseDelay;
        this.maxAttempts = maxAttempts;
    }

    /** Records that the whole payment is owed back; it leaves for the gateway once the caller commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    void owe(Payment payment, Payment.RefundReason reason) {
        if (payment.owesRefund(clock.instant(), reason)) {
            publisher.publishEvent(new RefundOwed(payment.getId()));
        }
    }

    /** Off the committing request's thread: cancelling a large event must not wait on every refund. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(RefundOwed owed) {
        executor.execute(() -> {
            try {
                send(owed.paymentId());
            } catch (RuntimeException e) {
                log.warn("Refund of payment {} left to the next round: {}", owed.paymentId(), e.toString());
            }
        });
    }

    @Scheduled(fixedDelayString = "${guichet.payments.refund-check-interval:1m}",
            initialDelayString = "${guichet.payments.refund-check-interval:1m}")
    int sendDue() {
        int sent = 0;
        for (Long id : transactions.execute(status -> payments.findDueRefunds(clock.instant()))) {
            if (send(id)) {
                sent++;
            }
        }
        return sent;
    }

    /** True when this call sent the refund and the gateway took it. */
    boolean send(long paymentId) {
        Instant now = clock.instant();
        Integer claimed = transactions.execute(status -> payments.claimRefund(paymentId, now, now.plus(LEASE)));
        if (claimed == null || claimed == 0) {
            return false;
        }
        Payment payment = transactions.execute(status -> payments.findById(paymentId).orElseThrow());
        try {
            String reference = gateways.named(payment.getGateway()).orElseThrow().refund(payment);
            transactions.executeWithoutResult(status -> payments.findById(paymentId).orElseThrow().refundSent(reference));
            log.info("Payment {} refunded by {} ({})", paymentId, payment.getGateway(), reference);
            return true;
        } catch (RuntimeException e) {
            transactions.executeWithoutResult(status -> {
                Payment failed = payments.findById(paymentId).orElseThrow();
                Instant retryAt = failed.getRefundAttempts() + 1 >= maxAttempts ? null
                        : clock.instant().plus(retryBaseDelay.multipliedBy(1L << Math.min(failed.getRefundAttempts(), 10)));
                failed.refundFailed(retryAt);
                if (retryAt == null) {
                    log.error("Payment {} could not be refunded by {} after {} attempts: refund it by hand", paymentId,
                            payment.getGateway(), maxAttempts, e);
                } else {
                    log.warn("Refund of payment {} failed ({}); next attempt at {}", paymentId, e.toString(), retryAt);
                }
            });
            return false;
        }
    }

    record RefundOwed(long paymentId) {
    }
}
