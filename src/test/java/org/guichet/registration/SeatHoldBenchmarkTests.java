package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.aopalliance.intercept.MethodInterceptor;
import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.event.Event;
import org.guichet.event.EventSeats;
import org.guichet.event.Visibility;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How long a free registration holds its event's seat row: from the guarded update ({@link EventSeats#take}) to
 * the commit. Not part of {@code ./mvnw verify}; run it with {@code ./mvnw verify -Pbenchmark}.
 */
@Tag("benchmark")
@IntegrationTest
@Import(SeatHoldBenchmarkTests.TimedSeats.class)
class SeatHoldBenchmarkTests {

    private static final Logger log = LoggerFactory.getLogger(SeatHoldBenchmarkTests.class);
    private static final int WARM_UP = 30;
    private static final int MEASURED = 200;
    private static final List<Long> HELD_NANOS = Collections.synchronizedList(new ArrayList<>());

    @Autowired
    AccountService accounts;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    TestEvents testEvents;

    @Test
    void measuresHowLongAFreeRegistrationHoldsTheSeatRow() {
        User organizer = Accounts.organizer(accounts);
        Event event = testEvents.published(organizer, TestEvents.withCapacity(
                testEvents.details("Seat hold benchmark", "Lyon", "conference", 7, "0", Visibility.PUBLIC),
                WARM_UP + MEASURED));
        long type = ticketTypes.of(event.getId()).get(0).getId();
        List<User> buyers = Accounts.participants(users, passwordEncoder, WARM_UP + MEASURED);

        buyers.subList(0, WARM_UP).forEach(buyer -> testEvents.register(buyer, event.getId(), type, 1));
        HELD_NANOS.clear();
        buyers.subList(WARM_UP, buyers.size()).forEach(buyer -> testEvents.register(buyer, event.getId(), type, 1));

        List<Long> held = new ArrayList<>(HELD_NANOS);
        assertThat(held).hasSize(MEASURED);
        Collections.sort(held);
        log.info("Seat row held from the guarded update to the commit, {} free registrations: median {} ms, "
                + "p95 {} ms, max {} ms", MEASURED, millis(held.get(held.size() / 2)),
                millis(held.get((int) Math.ceil(held.size() * 0.95) - 1)), millis(held.get(held.size() - 1)));
    }

    private static String millis(long nanos) {
        return String.format("%.3f", nanos / 1_000_000.0);
    }

    /** Wraps the seat counter: a successful take starts a clock that the commit stops. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TimedSeats {

        @Bean
        static BeanPostProcessor timeSeatHolds() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof EventSeats)) {
                        return bean;
                    }
                    ProxyFactory proxy = new ProxyFactory();
                    proxy.setTarget(bean);
                    proxy.addInterface(EventSeats.class);
                    proxy.addAdvice((MethodInterceptor) call -> {
                        long start = System.nanoTime();
                        Object result = call.proceed();
                        if (call.getMethod().getName().equals("take") && Integer.valueOf(1).equals(result)) {
                            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                                @Override
                                public void afterCompletion(int status) {
                                    if (status == STATUS_COMMITTED) {
                                        HELD_NANOS.add(System.nanoTime() - start);
                                    }
                                }
                            });
                        }
                        return result;
                    });
                    return proxy.getProxy();
                }
            };
        }
    }
}
