package org.guichet.notification;

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

    @Modifying
    @Query("delete from FailingAddress f where f.address = :address")
    int deleteByAddress(String address);
}
