package org.guichet.payment;

import org.springframework.data.jpa.repository.JpaRepository;

interface GatewayEventRepository extends JpaRepository<GatewayEvent, Long> {

    boolean existsByGatewayAndEventId(String gateway, String eventId);

    boolean existsByGatewayAndTransactionRefAndType(String gateway, String transactionRef, String type);
}
