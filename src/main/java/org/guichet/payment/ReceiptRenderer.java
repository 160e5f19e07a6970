package org.guichet.payment;

import java.util.Locale;
import java.util.Map;

import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.event.EventService;
import org.guichet.notification.Attachment;
import org.guichet.notification.AttachmentRenderer;
import org.guichet.registration.Order;
import org.guichet.registration.OrderLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A payment's receipt PDF, as a mail attachment rendered at delivery. */
@Component
class ReceiptRenderer implements AttachmentRenderer {

    static final String KIND = "payment-receipt";
    private static final String PAYMENT = "payment";

    private final PaymentRepository payments;
    private final OrderLifecycle registrations;
    private final EventService events;
    private final UserRepository users;
    private final ReceiptPdf receipts;

    ReceiptRenderer(PaymentRepository payments, OrderLifecycle registrations, EventService events,
            UserRepository users, ReceiptPdf receipts) {
        this.payments = payments;
        this.registrations = registrations;
        this.events = events;
        this.users = users;
        this.receipts = receipts;
    }

    /** The recipe of the payment's receipt, for a mail about it. */
    static Attachment attachment(Payment payment) {
        return Attachment.rendered("receipt-" + payment.getReceiptNumber() + ".pdf", "application/pdf", KIND,
                Map.of(PAYMENT, String.valueOf(payment.getId())));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] render(Map<String, String> parameters, Locale locale) {
        Payment payment = payments.findById(Long.parseLong(parameters.get(PAYMENT))).orElseThrow();
        Order order = registrations.orderForPayment(payment.getOrderId());
        User buyer = users.findById(order.getUserId()).orElseThrow();
        return receipts.render(payment, order, events.get(order.getEventId()), buyer, locale);
    }
}
