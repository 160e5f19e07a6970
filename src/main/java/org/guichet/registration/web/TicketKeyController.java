package org.guichet.registration.web;

import java.time.Duration;

import org.guichet.registration.TicketSigner;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public key that checks tickets' signatures, for scanning apps that work without network (PEM, X.509). */
@RestController
class TicketKeyController {

    private final TicketSigner signer;

    TicketKeyController(TicketSigner signer) {
        this.signer = signer;
    }

    @GetMapping("/.well-known/guichet-ticket-key")
    ResponseEntity<String> publicKey() {
        String base64 = signer.publicKeyBase64();
        StringBuilder pem = new StringBuilder("-----BEGIN PUBLIC KEY-----\n");
        for (int i = 0; i < base64.length(); i += 64) {
            pem.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
        }
        pem.append("-----END PUBLIC KEY-----\n");
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_PLAIN)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(pem.toString());
    }
}
