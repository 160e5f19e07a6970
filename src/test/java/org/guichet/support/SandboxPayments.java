package org.guichet.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;

import org.guichet.payment.sandbox.WebhookSignature;
import org.guichet.registration.Order;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The sandbox gateway's webhook as tests send it: signed with the suite's secret at the test clock's time. */
public final class SandboxPayments {

    private final MockMvc mvc;
    private final String secret;
    private final Clock clock;

    public SandboxPayments(MockMvc mvc, String secret, Clock clock) {
        this.mvc = mvc;
        this.secret = secret;
        this.clock = clock;
    }

    /** A paid checkout for the order's whole total, as the sandbox reports it; its transaction is pi_test_{id}. */
    public static String completed(String eventId, Order order, String amount) {
        return "{\"id\":\"" + eventId + "\",\"type\":\"checkout.session.completed\",\"data\":{\"orderId\":"
                + order.getId() + ",\"amount\":\"" + amount + "\",\"currency\":\"EUR\",\"transaction\":\"pi_test_"
                + order.getId() + "\"}}";
    }

    /** A paid checkout through one page ({@code session}) with its own transaction, as a second payment would come. */
    public static String completed(String eventId, Order order, String session, String transaction) {
        return "{\"id\":\"" + eventId + "\",\"type\":\"checkout.session.completed\",\"data\":{\"orderId\":"
                + order.getId() + ",\"amount\":\"" + order.getTotal().toPlainString()
                + "\",\"currency\":\"EUR\",\"session\":\"" + session + "\",\"transaction\":\"" + transaction + "\"}}";
    }

    public ResultActions deliver(String body, String signature) throws Exception {
        return mvc.perform(post("/payments/webhook/sandbox").contentType(MediaType.APPLICATION_JSON)
                .header(WebhookSignature.HEADER, signature).content(body));
    }

    public ResultActions deliver(String body) throws Exception {
        return deliver(body, WebhookSignature.header(secret, clock.instant(), body));
    }

    /** Pays the order in full through a verified webhook. */
    public Order pay(Order order) throws Exception {
        deliver(completed("evt_pay_" + order.getId(), order, order.getTotal().toPlainString()))
                .andExpect(status().isOk());
        return order;
    }
}
