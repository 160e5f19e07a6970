package org.guichet.payment.web;

import java.time.Clock;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.EventService;
import org.guichet.payment.PaymentService;
import org.guichet.registration.Order;
import org.guichet.registration.ParticipantOrders;
import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * From a held order to the gateway's page and back. Opening the gateway's page is a POST (a link or a prefetch
 * never opens one); the order's page says what is held and until when. The return page never marks anything
 * paid: it waits, polling with htmx, until the gateway's webhook has confirmed the order.
 */
@Controller
class CheckoutController {

    private final PaymentService payments;
    private final ParticipantOrders orders;
    private final EventService events;
    private final Clock clock;

    CheckoutController(PaymentService payments, ParticipantOrders orders, EventService events, Clock clock) {
        this.payments = payments;
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    /** The buyer's own order, loaded once for the page; anyone else's does not exist. */
    @ModelAttribute("order")
    Order order(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal buyer) {
        return orders.ownOrder(buyer, id);
    }

    @GetMapping("/orders/{id}/pay")
    String payPage(@ModelAttribute("order") Order order, Model model) {
        model.addAttribute("event", events.get(order.getEventId()));
        model.addAttribute("payable", order.isPayable(clock.instant()));
        return "payment/pay";
    }

    @PostMapping("/orders/{id}/pay")
    String pay(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal buyer, RedirectAttributes redirect) {
        try {
            return "redirect:" + payments.startCheckout(buyer, id).redirectUrl();
        } catch (Refusal refusal) {
            Refusals.flash(redirect, refusal);
            return "redirect:/orders/" + id + "/pay";
        }
    }

    @GetMapping("/orders/{id}/return")
    String returned(@ModelAttribute("order") Order order, Model model) {
        model.addAttribute("event", events.get(order.getEventId()));
        return "payment/return";
    }

    @GetMapping("/orders/{id}/status")
    String status(@ModelAttribute("order") Order order, Model model) {
        model.addAttribute("event", events.get(order.getEventId()));
        return "payment/return :: status";
    }
}
