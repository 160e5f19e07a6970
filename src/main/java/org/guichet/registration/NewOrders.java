package org.guichet.registration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.Event;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a new order, however it came (the register button, a seat the waiting list kept): free, it is confirmed
 * and its mail queued; paid, it holds its seats unpaid until {@code guichet.payments.hold} has passed. Seats are
 * the caller's business, taken after this.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class NewOrders {

    private final OrderRepository orders;
    private final RegistrationAuditRepository audit;
    private final OrderMails mails;
    private final ApplicationEventPublisher publisher;
    private final Duration hold;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    NewOrders(OrderRepository orders, RegistrationAuditRepository audit, OrderMails mails,
            ApplicationEventPublisher publisher, @Value("${guichet.payments.hold:15m}") Duration hold, Clock clock) {
        this.publisher = publisher;
        this.orders = orders;
        this.audit = audit;
        this.mails = mails;
        this.hold = hold;
        this.clock = clock;
    }

    /** An order of {@code tickets} (type to how many, in the order given) for the buyer, each in the buyer's name. */
    Order place(AccountPrincipal buyer, Event event, Map<TicketType, Integer> tickets) {
        return place(buyer, event, tickets, List.of());
    }

    /**
     * An order of {@code tickets} (type to how many, in the order given) for the buyer; a type's tickets take its
     * rows of {@code attendees} (checked) in turn, the others the buyer's name. A free order's attendees with an
     * address of their own get their tickets now; a paid order's once it is paid.
     */
    Order place(AccountPrincipal buyer, Event event, Map<TicketType, Integer> tickets,
            List<AttendeeDetails> attendees) {
        Instant now = clock.instant();
        Order order = new Order(OrderReferences.next(random), buyer.id(), event.getId(), event.getCurrency(),
                buyer.language(), now);
        tickets.forEach((type, count) -> {
            List<AttendeeDetails> named = attendees.stream().filter(row -> row.typeId() == type.getId()).toList();
            for (int i = 0; i < count; i++) {
                AttendeeDetails row = i < named.size() ? named.get(i) : null;
                order.add(new Ticket(order, type, row == null ? buyer.fullName() : row.nameOr(buyer.fullName()),
                        row == null ? null : row.email(), TicketSigner.newSecret(random), now));
            }
        });
        if (order.isFree()) {
            order.confirmFree(now);
        } else {
            order.hold(now.plus(hold));
        }
        orders.save(order);
        audit.save(new RegistrationAudit(order.getId(), buyer.id(), RegistrationAudit.Action.REGISTERED, now));
        if (order.isFree()) {
            audit.save(new RegistrationAudit(order.getId(), buyer.id(), RegistrationAudit.Action.CONFIRMED, now));
            publisher.publishEvent(OrderStatusChanged.of(order, now));
            mails.registered(buyer.email(), buyer.firstName(), event, order);
            mails.attendeeTickets(buyer.email(), buyer.fullName(), event, order);
        }
        return order;
    }
}
