package org.guichet.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface LoginThrottleRepository extends JpaRepository<LoginThrottleEntry, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from LoginThrottleEntry e where e.throttleKey = :key")
    Optional<LoginThrottleEntry> findForUpdate(String key);

    List<LoginThrottleEntry> findByThrottleKeyIn(Collection<String> keys);

    /** Spring Data escapes the prefix's own {@code %} and {@code _}. */
    void deleteByThrottleKeyStartingWith(String prefix);
}
