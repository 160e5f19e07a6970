package org.guichet.registration;

import org.guichet.account.AccountPrincipal;

/**
 * Opens the payment page of a held order: the payment module implements it, so registration's pages can send a
 * buyer straight to checkout without depending on payments.
 */
public interface CheckoutPort {

    /** The address of the order's live checkout page (reused when it is still open); never in a transaction. */
    String checkoutUrl(AccountPrincipal buyer, long orderId);
}
