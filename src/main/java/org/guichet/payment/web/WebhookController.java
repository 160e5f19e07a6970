package org.guichet.payment.web;

import org.guichet.payment.GatewayNotice;
import org.guichet.payment.PaymentService;
import org.guichet.payment.sandbox.SandboxNotices;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Gateways' webhooks: verified on the raw body before anything is read from it; each handled once. */
@RestController
class WebhookController {

    private final SandboxNotices sandbox;
    private final PaymentService payments;

    WebhookController(SandboxNotices sandbox, PaymentService payments) {
        this.sandbox = sandbox;
        this.payments = payments;
    }

    @PostMapping("/payments/webhook/sandbox")
    ResponseEntity<String> sandbox(@RequestBody String body,
            @RequestHeader(name = "Guichet-Signature", required = false) String signature) {
        GatewayNotice notice = sandbox.read(body, signature).orElse(null);
        if (notice == null) {
            return ResponseEntity.badRequest().body("{\"error\":\"invalid signature or payload\"}");
        }
        boolean handled = payments.handle(notice);
        return ResponseEntity.ok(handled ? "{\"received\":true}" : "{\"received\":true,\"duplicate\":true}");
    }
}
