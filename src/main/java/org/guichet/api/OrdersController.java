package org.guichet.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.guichet.account.AccountPrincipal;
import org.guichet.payment.PaymentService;
import org.guichet.registration.AttendeeDetails;
import org.guichet.registration.Order;
import org.guichet.registration.ParticipantOrders;
import org.guichet.registration.Registration;
import org.guichet.registration.Ticket;
import org.guichet.shared.AbsoluteLinks;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Buying tickets, as the event page's register button does: the same service, the same rules (a proved address,
 * the per-person limit, sale windows, seats left). A free order is confirmed at once; a paid one holds its seats
 * until its hold expires and answers the address of its checkout page, to open in a browser.
 */
@RestController
@Tag(name = "Orders")
class OrdersController {

    /** One line of an order: how many tickets of a type. */
    record OrderItem(@NotNull Long ticketTypeId, @NotNull @Min(1) @Max(100) Integer quantity) {
    }

    /** Who one ticket is for (optional; the buyer otherwise): a type's rows go to its tickets in turn. */
    record OrderAttendee(@NotNull Long ticketTypeId, @Size(max = 200) String name, @Size(max = 254) String email) {
    }

    record NewOrder(@NotEmpty @Size(max = 20) List<@Valid @NotNull OrderItem> items,
            @Size(max = 100) List<@Valid @NotNull OrderAttendee> attendees) {
    }

    /** A type's tickets in the order, at the price they were sold at. */
    record OrderLine(long ticketTypeId, String ticketType, int quantity, String unitPrice, String amount) {
    }

    /**
     * An order. {@code checkout_url} (a page to open in a browser, where the buyer pays) is given when a paid order
     * is placed or its checkout is opened again ({@code POST /orders/{id}/checkout}), never by a GET.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderView(long id, String reference, long eventId, String status, boolean free, String total,
            String currency, Instant createdAt, Instant confirmedAt, Instant cancelledAt, Instant holdExpiresAt,
            Boolean resumed, List<OrderLine> lines, List<TicketView> tickets,
            @JsonProperty("checkout_url") String checkoutUrl) {

        static OrderView of(Order order, TicketView.Links links, Boolean resumed, String checkoutUrl) {
            Map<Long, OrderLine> lines = new LinkedHashMap<>();
            for (Ticket ticket : order.getTickets()) {
                lines.merge(ticket.getType().getId(), new OrderLine(ticket.getType().getId(),
                        ticket.getType().getName(), 1, ticket.getPrice().toPlainString(),
                        ticket.getPrice().toPlainString()), (a, b) -> new OrderLine(a.ticketTypeId(), a.ticketType(),
                        a.quantity() + 1, a.unitPrice(),
                        new java.math.BigDecimal(a.amount()).add(new java.math.BigDecimal(b.amount())).toPlainString()));
            }
            return new OrderView(order.getId(), order.getReference(), order.getEventId(), order.getStatus().name(),
                    order.isFree(), order.getTotal().toPlainString(), order.getCurrency(), order.getCreatedAt(),
                    order.getConfirmedAt(), order.getCancelledAt(),
                    order.isAwaitingPayment() ? order.getHoldExpiresAt() : null, resumed,
                    List.copyOf(lines.values()),
                    order.getTickets().stream().map(links::view).toList(), checkoutUrl);
        }
    }

    /** The address of a checkout page. */
    record CheckoutView(long orderId, @JsonProperty("checkout_url") String checkoutUrl, Instant holdExpiresAt) {
    }

    private final ParticipantOrders orders;
    private final PaymentService payments;
    private final TicketView.Links links;
    private final ETags etags;
    private final AbsoluteLinks absolute;

    OrdersController(ParticipantOrders orders, PaymentService payments, TicketView.Links links, ETags etags,
            AbsoluteLinks absolute) {
        this.etags = etags;
        this.orders = orders;
        this.payments = payments;
        this.links = links;
        this.absolute = absolute;
    }

    @PostMapping(ApiPaths.V1 + "/events/{id}/orders")
    @VerifiedAccount("write")
    @Operation(summary = "Buy tickets for an event",
            description = "Quantities per ticket type, and optionally who each ticket is for. A free order is 201 "
                    + "CONFIRMED with its tickets; a paid one 201 PENDING_PAYMENT with checkout_url (open it in a "
                    + "browser to pay) and holdExpiresAt. A buyer who already has an order of this event waiting for "
                    + "payment gets that one back (200, resumed) rather than a second hold. Sold out, not on sale, "
                    + "over the per-person limit: 409 problem; an attendee's bad name or address: 422.")
    @ApiResponse(responseCode = "201", description = "Placed")
    @ApiResponse(responseCode = "200", description = "The buyer's order already waiting for payment")
    ResponseEntity<OrderView> place(@PathVariable long id,
            @Parameter(description = "A private event's secret link key") @RequestParam(required = false) String key,
            @Valid @RequestBody NewOrder body, @AuthenticationPrincipal AccountPrincipal me) {
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        body.items().forEach(item -> quantities.merge(item.ticketTypeId(), item.quantity(), Integer::sum));
        List<AttendeeDetails> attendees = body.attendees() == null ? List.of() : body.attendees().stream()
                .map(row -> new AttendeeDetails(row.ticketTypeId(), row.name(), row.email())).toList();
        Registration registration = orders.register(me, id, key, quantities, attendees);
        Order order = orders.ownOrder(me, registration.order().getId());
        String checkoutUrl = order.isAwaitingPayment() ? checkoutUrl(me, order.getId()) : null;
        return ResponseEntity.status(registration.resumed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(OrderView.of(order, links, registration.resumed() ? Boolean.TRUE : null, checkoutUrl));
    }

    @GetMapping(ApiPaths.V1 + "/orders/{orderId}")
    @VerifiedAccount("read")
    @Operation(summary = "One of my orders, to follow its status",
            description = "Someone else's order is 404. PENDING_PAYMENT until the gateway confirms the payment, "
                    + "then CONFIRMED; EXPIRED when its hold ran out unpaid; CANCELLED or REFUNDED.")
    ResponseEntity<OrderView> order(@PathVariable("orderId") long id, @AuthenticationPrincipal AccountPrincipal me,
            WebRequest request) {
        return etags.ok(request, OrderView.of(orders.ownOrder(me, id), links, null, null));
    }

    @PostMapping(ApiPaths.V1 + "/orders/{orderId}/checkout")
    @VerifiedAccount("write")
    @Operation(summary = "The checkout page of my order waiting for payment",
            description = "Its open page again, or a new one (the old one closed first). An order that is not "
                    + "waiting for payment, or whose hold ran out: 409 problem.")
    CheckoutView checkout(@PathVariable("orderId") long id, @AuthenticationPrincipal AccountPrincipal me) {
        String url = checkoutUrl(me, id);
        return new CheckoutView(id, url, orders.ownOrder(me, id).getHoldExpiresAt());
    }

    @PostMapping(ApiPaths.V1 + "/orders/{orderId}/cancel")
    @VerifiedAccount("write")
    @Operation(summary = "Cancel my order",
            description = "A free registration before the event starts; a paid order before the event's refund "
                    + "deadline, refunded in full. Anything else (already cancelled, refunded, expired, too late, "
                    + "still waiting for payment): 409 problem.")
    OrderView cancel(@PathVariable("orderId") long id, @AuthenticationPrincipal AccountPrincipal me) {
        Order order = orders.ownOrder(me, id);
        if (order.isFree()) {
            orders.cancel(me, id);
        } else {
            orders.cancelForRefund(me, id);
        }
        return OrderView.of(orders.ownOrder(me, id), links, null, null);
    }

    /** The gateway's page, absolute (the sandbox answers a path on this site). Never inside a transaction. */
    private String checkoutUrl(AccountPrincipal me, long orderId) {
        String url = payments.startCheckout(me, orderId).redirectUrl();
        return url.startsWith("/") ? absolute.base() + url : url;
    }
}
