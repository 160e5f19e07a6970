package org.guichet.demo;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.Role;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.payment.GatewayNotice;
import org.guichet.payment.PaymentService;
import org.guichet.registration.CheckIns;
import org.guichet.registration.Order;
import org.guichet.registration.ParticipantOrders;
import org.guichet.registration.TicketTypes;
import org.springframework.stereotype.Component;

/**
 * A crowd for the demo organizer's first free and first paid events: registrations, paid orders (paid through
 * the sandbox's own webhook handling, as a real payment would be), one order left unpaid and a few people
 * already checked in, so the dashboard, the attendee list and the check-in page have something to show.
 */
@Component
class DemoAudience {

    private static final List<String[]> PEOPLE = List.of(
            new String[] {"Léa", "Moreau"}, new String[] {"Hugo", "Lefèvre"}, new String[] {"Chloé", "Garnier"},
            new String[] {"Louis", "Faure"}, new String[] {"Inès", "Rousseau"}, new String[] {"Jules", "Blanc"},
            new String[] {"Manon", "Guerin"}, new String[] {"Nathan", "Muller"}, new String[] {"Camille", "Henry"},
            new String[] {"Théo", "Roussel"}, new String[] {"Sarah", "Nicolas"}, new String[] {"Emma", "Perrin"});
    private static final int CHECKED_IN = 4;

    private final UserRepository users;
    private final EventService events;
    private final TicketTypes ticketTypes;
    private final ParticipantOrders registrations;
    private final PaymentService payments;
    private final CheckIns checkIns;
    private final Clock clock;

    DemoAudience(UserRepository users, EventService events, TicketTypes ticketTypes, ParticipantOrders registrations,
            PaymentService payments, CheckIns checkIns, Clock clock) {
        this.users = users;
        this.events = events;
        this.ticketTypes = ticketTypes;
        this.registrations = registrations;
        this.payments = payments;
        this.checkIns = checkIns;
        this.clock = clock;
    }

    /** Returns how many orders the crowd placed. */
    int fill(User organizer, String passwordHash) {
        List<Event> upcoming = events.upcoming(12);
        Event free = upcoming.stream().filter(Event::isFree).findFirst().orElse(null);
        Event paid = upcoming.stream().filter(event -> !event.isFree()).findFirst().orElse(null);
        Long freeType = free == null ? null : ticketTypes.of(free.getId()).get(0).getId();
        Long paidType = paid == null ? null : ticketTypes.of(paid.getId()).get(0).getId();
        int orders = 0;
        for (int i = 0; i < PEOPLE.size(); i++) {
            String[] name = PEOPLE.get(i);
            int freeSeats = 1 + i % 2;
            int paidSeats = 1 + i % 3;
            User signedUp = new User(("demo." + name[0] + "." + name[1] + "@example.com")
                    .toLowerCase(Locale.ROOT).replace('é', 'e').replace('è', 'e').replace('ï', 'i'), passwordHash,
                    name[0], name[1], i % 3 == 0 ? Locale.ENGLISH : Locale.FRENCH, EnumSet.noneOf(Role.class),
                    clock.instant());
            signedUp.verifyEmail(clock.instant());
            User person = users.save(signedUp);
            if (free != null) {
                Order order = ActingAs.as(person, () -> registrations.register(AccountPrincipal.of(person),
                        free.getId(), null, Map.of(freeType, freeSeats))).order();
                orders++;
                if (i < CHECKED_IN) {
                    long ticket = order.getTickets().get(0).getId();
                    ActingAs.as(organizer,
                            () -> checkIns.checkInChosen(free.getId(), AccountPrincipal.of(organizer), ticket));
                }
            }
            if (paid != null && i % 2 == 0) {
                Order order = ActingAs.as(person, () -> registrations.register(AccountPrincipal.of(person),
                        paid.getId(), null, Map.of(paidType, paidSeats))).order();
                orders++;
                if (i < PEOPLE.size() - 2) {
                    payments.handle(new GatewayNotice("sandbox", "evt_demo_" + order.getId(),
                            GatewayNotice.Type.PAYMENT_SUCCEEDED, order.getId(), order.getTotal(), order.getCurrency(),
                            "pi_demo_" + order.getId()));
                }
            }
        }
        return orders;
    }
}
