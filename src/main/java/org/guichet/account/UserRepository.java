package org.guichet.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UserRepository extends JpaRepository<User, Long> {

    Optional<User> findByEmail(String normalisedEmail);

    boolean existsByEmail(String normalisedEmail);

    /** The accounts whose name or address contains {@code lowerCaseText} (every account when it is empty). */
    @Query("""
            select u from User u where :text = ''
                or lower(u.email) like concat('%', :text, '%')
                or lower(concat(concat(u.firstName, ' '), u.lastName)) like concat('%', :text, '%')
            """)
    org.springframework.data.domain.Page<User> search(String text, org.springframework.data.domain.Pageable page);

    boolean existsByRolesContaining(Role role);

    @Query("select u.id from User u where u.emailVerifiedAt is null and u.createdAt < :cutoff order by u.id")
    List<Long> findUnverifiedCreatedBefore(Instant cutoff);
}
