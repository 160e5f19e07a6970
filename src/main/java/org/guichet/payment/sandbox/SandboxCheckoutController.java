package org.guichet.payment.sandbox;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.guichet.event.Money;
import org.guichet.registration.OrderLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The sandbox's hosted payment page: clearly a test page, with the usual test cards. */
@Controller
class SandboxCheckoutController {

    private final SandboxSessionRepository sessions;
    private final SandboxWebhooks webhooks;
    private final SandboxNotices notices;
    private final TransactionTemplate transactions;
    private final OrderLifecycle orders;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SandboxCheckoutController(SandboxSessionRepository sessions, SandboxWebhooks webhooks, SandboxNotices notices,
            TransactionTemplate transactions, OrderLifecycle orders, Clock clock) {
        this.orders = orders;
        this.sessions = sessions;
        this.webhooks = webhooks;
        this.notices = notices;
        this.transactions = transactions;
        this.clock = clock;
    }

    @GetMapping("/sandbox/checkout/{id}")
    String page(@PathVariable String id, Model model, Locale locale) {
        return show(find(id), model, locale, null);
    }

    @PostMapping("/sandbox/checkout/{id}")
    String pay(@PathVariable String id, @RequestParam(defaultValue = "") String number,
            @RequestParam(defaultValue = "") String expiry, @RequestParam(defaultValue = "") String cvc, Model model,
            Locale locale) {
        SandboxSession session = find(id);
        if (!payable(session)) {
            return show(session, model, locale, null);
        }
        TestCards.Card card = new TestCards.Card(number, expiry, cvc);
        model.addAttribute("number", number);
        model.addAttribute("expiry", expiry);
        List<String[]> problems = TestCards.problems(card, clock);
        if (!problems.isEmpty()) {
            problems.forEach(problem -> model.addAttribute(problem[0] + "Error", problem[1]));
            return show(session, model, locale, null);
        }
        switch (TestCards.outcome(card)) {
            case PAID -> {
                boolean paid = Boolean.TRUE.equals(transactions.execute(status -> {
                    if (sessions.markPaid(id) == 0) {
                        return false;
                    }
                    webhooks.queue(notices.payload("evt_" + token(), session, "pi_" + token()));
                    return true;
                }));
                if (!paid) {
                    return show(find(id), model, locale, null);
                }
                // The sandbox is served by Guichet itself: back to the same site, whatever its public address.
                return "redirect:" + URI.create(session.getReturnUrl()).getRawPath();
            }
            case DECLINED -> {
                return show(session, model, locale, "sandbox.declined");
            }
            case INSUFFICIENT_FUNDS -> {
                return show(session, model, locale, "sandbox.insufficientFunds");
            }
            default -> {
                return show(session, model, locale, "sandbox.unknownCard");
            }
        }
    }

    private String show(SandboxSession session, Model model, Locale locale, String refusal) {
        model.addAttribute("sessionId", session.getId());
        model.addAttribute("reference", session.getReference());
        model.addAttribute("amount", Money.format(session.getAmount(), session.getCurrency(), locale));
        model.addAttribute("open", payable(session));
        model.addAttribute("refusal", refusal);
        return "payment/sandbox-checkout";
    }

    /** Open, unexpired, and still its order's checkout page: an older page of the order takes no payment. */
    private boolean payable(SandboxSession session) {
        return session.isOpen(clock.instant())
                && session.getId().equals(orders.orderForPayment(session.getOrderId()).getCheckoutSession());
    }

    private SandboxSession find(String id) {
        return sessions.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String token() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
