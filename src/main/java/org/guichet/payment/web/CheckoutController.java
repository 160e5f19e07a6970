package org.guichet.payment.web;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.EventService;
import org.guichet.payment.Checkout;
import org.guichet.payment.PaymentProblem;
import org.guichet.payment.PaymentService;
import org.guichet.registration.Order;
import org.guichet.registration.RegistrationService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * From a held order to the gateway's page and back. The return page never marks anything paid: it waits, polling
 * with htmx, until the gateway's webhook has confirmed the order.
 */
@Controller
class CheckoutController {

    private final PaymentService payments;
    private final RegistrationService registrations;
    private final EventService events;

    CheckoutController(PaymentService payments, RegistrationService registrations, EventService events) {
        this.payments = payments;
        this.registrations = registrations;
        this.events = events;
    }

    @GetMapping("/orders/{id}/pay")
    String pay(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal buyer, RedirectAttributes redirect) {
        try {
            Checkout checkout = payments.startCheckout(buyer, id);
            return "redirect:" + checkout.redirectUrl();
        } catch (PaymentProblem problem) {
            redirect.addFlashAttribute("ticketProblem", problem.messageKey());
            return "redirect:/tickets";
        }
    }

    @PostMapping("/orders/{id}/refund")
    String refund(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal buyer, RedirectAttributes redirect) {
        try {
            payments.refundByBuyer(buyer, id);
            redirect.addFlashAttribute("cancelled", registrations.ownOrder(buyer, id).getReference());
        } catch (PaymentProblem problem) {
            redirect.addFlashAttribute("ticketProblem", problem.messageKey());
        }
        return "redirect:/tickets";
    }

    @GetMapping("/orders/{id}/return")
    String returned(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal buyer, Model model) {
        fill(id, buyer, model);
        return "payment/return";
    }

    @GetMapping("/orders/{id}/status")
    String status(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal buyer, Model model) {
        fill(id, buyer, model);
        return "payment/return :: status";
    }

    private void fill(long id, AccountPrincipal buyer, Model model) {
        Order order = registrations.ownOrder(buyer, id);
        model.addAttribute("order", order);
        model.addAttribute("event", events.get(order.getEventId()));
    }
}
