package org.guichet.registration;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.Event;
import org.guichet.event.EventPageExtension;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The ticket panel of an event's page: its types on sale, and whether the viewer is already registered. */
@Component
class RegistrationPanel implements EventPageExtension {

    private final TicketTypeRepository types;
    private final OrderRepository orders;
    private final WaitingListRepository waitingEntries;
    private final Clock clock;

    RegistrationPanel(TicketTypeRepository types, OrderRepository orders, WaitingListRepository waitingEntries,
            Clock clock) {
        this.waitingEntries = waitingEntries;
        this.types = types;
        this.orders = orders;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> attributes(Event event, AccountPrincipal viewer) {
        List<TicketType> offered = types.findByEventIdOrderByPositionAscIdAsc(event.getId());
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("ticketTypes", offered);
        List<Long> onSale = offered.stream()
                .filter(type -> type.isOnSale(clock.instant(), event.getStartsAt()) && type.getRemaining() > 0)
                .map(TicketType::getId).toList();
        attributes.put("onSale", onSale);
        attributes.put("registrable", !onSale.isEmpty());
        WaitingListEntry waiting = viewer == null ? null : waitingEntries.findFirstByEventIdAndUserIdAndStatusIn(
                event.getId(), viewer.id(), EnumSet.of(WaitingListEntry.Status.WAITING, WaitingListEntry.Status.OFFERED))
                .orElse(null);
        attributes.put("waiting", waiting);
        attributes.put("waitingAhead", waiting == null ? 0L
                : waitingEntries.countAhead(event.getId(), waiting.getCreatedAt(), waiting.getId()));
        attributes.put("soldOut", event.isSoldOut() || offered.stream().noneMatch(type -> onSale.contains(type.getId())));
        attributes.put("registered", viewer != null
                && orders.existsByUserIdAndEventIdAndStatus(viewer.id(), event.getId(), OrderStatus.CONFIRMED));
        attributes.put("heldOrder", viewer == null ? null
                : orders.findHolds(viewer.id(), event.getId()).stream().findFirst().orElse(null));
        attributes.put("holdings", viewer == null ? null
                : new Holdings(orders.countLiveTickets(viewer.id(), event.getId()), event.getMaxPerPerson()));
        return attributes;
    }
}
