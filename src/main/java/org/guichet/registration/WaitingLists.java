package org.guichet.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.shared.NotFound;
import org.guichet.shared.Refusal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The waiting list as participants use it: joining a sold-out event (or type), leaving, and taking the seat held
 * for them. A free seat is confirmed when taken; a paid one becomes an ordinary held order that goes to checkout,
 * the held seat passing into the hold, and only a verified payment confirms it.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class WaitingLists {

    private static final Set<WaitingListEntry.Status> ACTIVE =
            EnumSet.of(WaitingListEntry.Status.WAITING, WaitingListEntry.Status.OFFERED);

    private final EventService events;
    private final TicketTypeRepository types;
    private final OrderRepository orders;
    private final WaitingListRepository entries;
    private final NewOrders newOrders;
    private final Seats seats;
    private final Clock clock;

    WaitingLists(EventService events, TicketTypeRepository types, OrderRepository orders,
            WaitingListRepository entries, NewOrders newOrders, Seats seats, Clock clock) {
        this.events = events;
        this.types = types;
        this.orders = orders;
        this.entries = entries;
        this.newOrders = newOrders;
        this.seats = seats;
        this.clock = clock;
    }

    /**
     * Joins the waiting list of an event with no seat left for sale, or of one sold-out type ({@code typeId}
     * not null) while others still sell.
     */
    @Transactional
    public WaitingListEntry join(AccountPrincipal user, long eventId, String key, Long typeId) {
        Event event = events.viewable(eventId, key, user);
        ParticipantOrders.checkOpen(event, clock.instant());
        List<TicketType> offered = types.findByEventIdOrderByPositionAscIdAsc(eventId);
        boolean seatsForSale = offered.stream()
                .anyMatch(type -> type.isOnSale(clock.instant(), event.getStartsAt()) && type.getRemaining() > 0);
        boolean eventFull = event.isSoldOut() || !seatsForSale;
        Long wanted = null;
        if (!eventFull) {
            TicketType type = offered.stream().filter(candidate -> candidate.getId().equals(typeId)).findFirst()
                    .orElseThrow(() -> new Refusal("waitlist.error.notSoldOut"));
            if (type.getRemaining() > 0 || type.isClosed()) {
                throw new Refusal("waitlist.error.notSoldOut");
            }
            wanted = type.getId();
        }
        if (orders.existsByUserIdAndEventIdAndStatus(user.id(), eventId, OrderStatus.CONFIRMED)) {
            throw new Refusal("waitlist.error.registered");
        }
        if (entries.findFirstByEventIdAndUserIdAndStatusIn(eventId, user.id(), ACTIVE).isPresent()) {
            throw new Refusal("waitlist.error.already");
        }
        return entries.save(new WaitingListEntry(eventId, user.id(), wanted, clock.instant()));
    }

    /** Leaves the waiting list; a seat held for this person goes to the next one, or back on sale. */
    @Transactional
    public void leave(AccountPrincipal user, long entryId) {
        WaitingListEntry entry = own(user, entryId);
        if (entry.getStatus() == WaitingListEntry.Status.OFFERED) {
            if (entries.endOffer(entryId, WaitingListEntry.Status.LEFT) == 1) {
                seats.passOn(entry.getEventId(), entry.getTicketTypeId());
            }
        } else if (entry.getStatus() == WaitingListEntry.Status.WAITING) {
            entries.delete(entry);
        }
    }

    /**
     * Takes the seat held for this person: one ticket, on the seat already kept for them. Free, it is confirmed;
     * paid, it is held unpaid like any paid order and the caller sends the buyer to checkout.
     */
    @Transactional
    public Order claim(AccountPrincipal user, long entryId) {
        WaitingListEntry entry = own(user, entryId);
        Instant now = clock.instant();
        if (entry.getStatus() != WaitingListEntry.Status.OFFERED || !now.isBefore(entry.getOfferExpiresAt())
                || entries.endOffer(entryId, WaitingListEntry.Status.CLAIMED) != 1) {
            throw new Refusal("waitlist.error.offerGone");
        }
        Event event = events.get(entry.getEventId());
        TicketType type = types.findById(entry.getTicketTypeId()).orElseThrow();
        return newOrders.place(user, event, Map.of(type, 1));
    }

    private WaitingListEntry own(AccountPrincipal user, long entryId) {
        return entries.findById(entryId).filter(found -> found.getUserId() == user.id())
                .orElseThrow(() -> new NotFound("waiting list entry", entryId));
    }
}
