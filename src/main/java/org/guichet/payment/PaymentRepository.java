package org.guichet.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PaymentRepository extends JpaRepository<Payment, Long> {

    /** The payment the order keeps (at most one: the others were refunded). */
    @Query("select p from Payment p where p.orderId = :orderId"
            + " and p.refundStatus = org.guichet.payment.Payment.RefundStatus.NONE")
    Optional<Payment> findKept(long orderId);

    long countByOrderId(long orderId);

    /** The order's payments, the latest first: the one it keeps, or those refunded when it kept none. */
    List<Payment> findByOrderIdOrderByIdDesc(long orderId);

    Optional<Payment> findByGatewayAndTransactionRef(String gateway, String transactionRef);

    @Query("select p.id from Payment p where p.refundStatus = org.guichet.payment.Payment.RefundStatus.PENDING"
            + " and p.refundNextAttemptAt <= :now order by p.refundNextAttemptAt")
    List<Long> findDueRefunds(Instant now);

    /** Takes a due refund for one sender: the lease keeps another sender off it while the gateway answers. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Payment p set p.refundNextAttemptAt = :leaseEnd where p.id = :id"
            + " and p.refundStatus = org.guichet.payment.Payment.RefundStatus.PENDING and p.refundNextAttemptAt <= :now")
    int claimRefund(long id, Instant now, Instant leaseEnd);

    @Query("select count(p) from Payment p")
    long countAll();
}
