package org.guichet.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface FailingAddressRepository extends JpaRepository<FailingAddress, Long> {

    Optional<FailingAddress> findByAddress(String address);

    @Query("select f.address from FailingAddress f where f.address in :addresses")
    List<String> findFailing(Collection<String> addresses);

    Page<FailingAddress> findAllByOrderByLastFailedAtDescIdDesc(Pageable page);

    /** One more refusal of a known address, counted in the database so that concurrent senders lose none. */
    @Modifying
    @Query("update FailingAddress f set f.failures = f.failures + 1, f.reason = :reason, f.lastFailedAt = :now "
            + "where f.address = :address")
    int failedAgain(String address, String reason, Instant now);

    @Modifying
    @Query("delete from FailingAddress f where f.address = :address")
    int deleteByAddress(String address);
}
