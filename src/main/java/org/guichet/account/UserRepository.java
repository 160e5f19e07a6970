package org.guichet.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UserRepository extends JpaRepository<User, Long> {

    Optional<User> findByEmail(String normalisedEmail);

    boolean existsByEmail(String normalisedEmail);

    boolean existsByRolesContaining(Role role);

    @Query("select u.id from User u where u.emailVerifiedAt is null and u.createdAt < :cutoff order by u.id")
    List<Long> findUnverifiedCreatedBefore(Instant cutoff);
}
