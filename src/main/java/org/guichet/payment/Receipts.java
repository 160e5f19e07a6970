package org.guichet.payment;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

import org.guichet.account.UserRepository;
import org.guichet.event.EventService;
import org.guichet.registration.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An order's receipt, downloadable by its buyer at any time (mail providers may drop the PDF the payment mail
 * carries): the payment the order keeps, or, once refunded, the latest payment it had.
 */
@Service
public class Receipts {

    private final PaymentRepository payments;
    private final EventService events;
    private final UserRepository users;
    private final ReceiptPdf pdf;

    Receipts(PaymentRepository payments, EventService events, UserRepository users, ReceiptPdf pdf) {
        this.payments = payments;
        this.events = events;
        this.users = users;
        this.pdf = pdf;
    }

    public record Receipt(String filename, byte[] pdf) {
    }

    /** The receipt of an order its caller has already been allowed to see; empty when it was never paid. */
    @Transactional(readOnly = true)
    public Optional<Receipt> of(Order order, Locale locale) {
        return payments.findByOrderIdOrderByIdDesc(order.getId()).stream()
                .filter(payment -> payment.getReceiptNumber() != null)
                .min(Comparator.comparing(payment -> payment.getRefundStatus() != Payment.RefundStatus.NONE))
                .map(payment -> new Receipt("receipt-" + payment.getReceiptNumber() + ".pdf",
                        pdf.render(payment, order, events.get(order.getEventId()),
                                users.findById(order.getUserId()).orElseThrow(), locale)));
    }
}
