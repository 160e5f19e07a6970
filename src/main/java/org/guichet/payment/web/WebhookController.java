package org.guichet.payment.web;

import org.guichet.payment.GatewayNotice;
import org.guichet.payment.PaymentService;
import org.guichet.payment.sandbox.SandboxNotices;
import org.guichet.payment.stripe.StripeNotices;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Gateways' webhooks: verified on the raw body before anything is read from it; each handled once. */
@RestController
class WebhookController {

    private final SandboxNotices sandbox;
    private final ObjectProvider<StripeNotices> stripe;
    private final PaymentService payments;

    WebhookController(SandboxNotices sandbox, ObjectProvider<StripeNotices> stripe, PaymentService payments) {
        this.sandbox = sandbox;
        this.stripe = stripe;
        this.payments = payments;
    }

    @PostMapping("/payments/webhook/stripe")
    ResponseEntity<String> stripe(@RequestBody String body,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        StripeNotices notices = stripe.getIfAvailable();
        if (notices == null) {
            return ResponseEntity.notFound().build();
        }
        return handle(notices.read(body, signature).orElse(null));
    }

    @PostMapping("/payments/webhook/sandbox")
    ResponseEntity<String> sandbox(@RequestBody String body,
            @RequestHeader(name = "Guichet-Signature", required = false) String signature) {
        return handle(sandbox.read(body, signature).orElse(null));
    }

    private ResponseEntity<String> handle(GatewayNotice notice) {
        if (notice == null) {
            return ResponseEntity.badRequest().body("{\"error\":\"invalid signature or payload\"}");
        }
        boolean handled;
        try {
            handled = payments.handle(notice);
        } catch (DataIntegrityViolationException raced) {
            // The same delivery is being handled on another thread right now: the gateway retries later.
            return ResponseEntity.status(HttpStatus.CONFLICT).body("{\"error\":\"already being handled\"}");
        }
        return ResponseEntity.ok(handled ? "{\"received\":true}" : "{\"received\":true,\"duplicate\":true}");
    }
}
