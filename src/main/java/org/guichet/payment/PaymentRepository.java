package org.guichet.payment;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PaymentRepository extends JpaRepository<Payment, Long> {

    Optional<Payment> findByOrderId(long orderId);

    Optional<Payment> findByTransactionRef(String transactionRef);

    @Query("select count(p) from Payment p")
    long countAll();
}
