package org.guichet.payment.web;

import java.util.Locale;

import org.guichet.account.AccountPrincipal;
import org.guichet.payment.Receipts;
import org.guichet.registration.Order;
import org.guichet.registration.ParticipantOrders;
import org.guichet.shared.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A paid order's receipt, for its buyer only; another person's order, or one never paid, has none. */
@Controller
class ReceiptController {

    private final ParticipantOrders orders;
    private final Receipts receipts;

    ReceiptController(ParticipantOrders orders, Receipts receipts) {
        this.orders = orders;
        this.receipts = receipts;
    }

    @GetMapping("/orders/{id}/receipt.pdf")
    ResponseEntity<byte[]> receipt(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal buyer,
            Locale locale) {
        Order order = orders.ownOrder(buyer, id);
        Receipts.Receipt receipt = receipts.of(order, locale).orElseThrow(() -> new NotFound("receipt of order", id));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(receipt.filename()).build().toString())
                .body(receipt.pdf());
    }
}
