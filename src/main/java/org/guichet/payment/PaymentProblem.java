package org.guichet.payment;

/** A payment step refused for a reason the buyer can read. */
public class PaymentProblem extends RuntimeException {

    public PaymentProblem(String messageKey) {
        super(messageKey);
    }

    public String messageKey() {
        return getMessage();
    }
}
