package org.guichet.account;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.guichet.shared.NotFound;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do to accounts (/admin/users): find them, grant or take back the organizer role, disable or
 * enable them. The rules are the account's ({@link User}); every change is audited.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class UserAdmin {

    public static final int PAGE_SIZE = 25;

    private final UserRepository users;
    private final AccountAuditRepository audit;
    private final SessionTerminator sessions;
    private final Clock clock;

    UserAdmin(UserRepository users, AccountAuditRepository audit, SessionTerminator sessions, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<User> search(String text, int page) {
        String query = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return users.search(query, PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by("email")));
    }

    @Transactional(readOnly = true)
    public User one(long id) {
        return users.findById(id).orElseThrow(() -> new NotFound("user", id));
    }

    /** One change in an account's history: what, when, and who made it (their address). */
    public record Change(AccountAudit.Action action, java.time.Instant at, String by) {
    }

    /** The account's audit, newest first. */
    @Transactional(readOnly = true)
    public List<Change> history(long id) {
        return audit.findByUserIdOrderByAtDescIdDesc(id).stream()
                .map(entry -> new Change(entry.getAction(), entry.getAt(), entry.getActorId() == null ? "—"
                        : users.findById(entry.getActorId()).map(User::getEmail).orElse("—")))
                .toList();
    }

    /** Disables the account and ends its sessions, "remember me" tokens and API refresh tokens. */
    @Transactional
    public void disable(long adminId, long id) {
        User user = one(id);
        user.disable(one(adminId), clock.instant());
        record(adminId, user, AccountAudit.Action.DISABLED);
        sessions.signOutEverywhere(user.getEmail(), null);
    }

    @Transactional
    public void enable(long adminId, long id) {
        User user = one(id);
        user.enable();
        record(adminId, user, AccountAudit.Action.ENABLED);
    }

    @Transactional
    public void grantOrganizer(long adminId, long id) {
        User user = one(id);
        user.grantOrganizer();
        record(adminId, user, AccountAudit.Action.ORGANIZER_GRANTED);
    }

    @Transactional
    public void removeOrganizer(long adminId, long id) {
        User user = one(id);
        user.removeOrganizer();
        record(adminId, user, AccountAudit.Action.ORGANIZER_REMOVED);
        sessions.signOutEverywhere(user.getEmail(), null);
    }

    private void record(long adminId, User user, AccountAudit.Action action) {
        audit.save(new AccountAudit(user.getId(), adminId, action, clock.instant()));
    }
}
