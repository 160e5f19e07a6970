package org.guichet.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.guichet.shared.Refusal;

@Entity
@Table(name = "users")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String email;

    private String passwordHash;

    private String firstName;

    private String lastName;

    private String preferredLanguage;

    private String photoKey;

    private Instant createdAt;

    /** When the current address was proved by following a link sent to it; null until then. */
    private Instant emailVerifiedAt;

    /** When an administrator disabled the account (it can neither sign in nor use the API); null when enabled. */
    private Instant disabledAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Version
    private long version;

    protected User() {
    }

    public User(String email, String passwordHash, String firstName, String lastName, Locale language,
            Set<Role> roles, Instant createdAt) {
        this.email = EmailAddresses.normalise(email);
        this.passwordHash = passwordHash;
        this.firstName = firstName.strip();
        this.lastName = lastName.strip();
        this.preferredLanguage = Languages.supported(language).getLanguage();
        this.roles = EnumSet.of(Role.PARTICIPANT);
        this.roles.addAll(roles);
        this.createdAt = createdAt;
    }

    /**
     * The administrator named in the configuration ({@code GUICHET_ADMIN_EMAIL}), made at the first start: an
     * administrator and organizer whose password nobody knows, named after the address until they rename
     * themselves. The password link mailed to the address is its way in. The operator who configured the address
     * vouches for it, so the account counts as verified (and is never cleared away as an abandoned sign-up).
     */
    public static User administrator(String email, String unusablePasswordHash, Instant createdAt) {
        User administrator = new User(email, unusablePasswordHash, EmailAddresses.localPart(email), "",
                Locale.ENGLISH, EnumSet.of(Role.ADMIN, Role.ORGANIZER), createdAt);
        administrator.emailVerifiedAt = createdAt;
        return administrator;
    }

    /**
     * Makes the account an administrator (and organizer), verified as the operator who named it vouches for the
     * address; false when it already was an administrator.
     */
    public boolean promoteToAdministrator(Instant at) {
        boolean changed = !roles.contains(Role.ADMIN);
        roles.add(Role.ADMIN);
        roles.add(Role.ORGANIZER);
        if (emailVerifiedAt == null) {
            emailVerifiedAt = at;
        }
        return changed;
    }

    public void rename(String firstName, String lastName) {
        this.firstName = firstName.strip();
        this.lastName = lastName.strip();
    }

    public void changeLanguage(Locale language) {
        this.preferredLanguage = Languages.supported(language).getLanguage();
    }

    public void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    /** The address changes through a link sent to it, which proves it: the account is verified from then on. */
    public void changeEmail(String email, Instant at) {
        this.email = EmailAddresses.normalise(email);
        this.emailVerifiedAt = at;
    }

    /** Following the link sent to the address proves it; once is enough. */
    public void verifyEmail(Instant at) {
        if (emailVerifiedAt != null) {
            throw new Refusal("account.verify.already");
        }
        this.emailVerifiedAt = at;
    }

    public boolean isEmailVerified() {
        return emailVerifiedAt != null;
    }

    /** Signed up before {@code cutoff} and never proved its address: an abandoned sign-up (or someone else's). */
    public boolean isUnverifiedSince(Instant cutoff) {
        return emailVerifiedAt == null && createdAt.isBefore(cutoff);
    }

    /**
     * An administrator ({@code by}) disables the account: it can no longer sign in nor use the API. Nobody disables
     * their own account, so an administrator never locks themselves out.
     */
    public void disable(User by, Instant at) {
        if (by.getId() != null && by.getId().equals(id)) {
            throw new Refusal("account.admin.error.disableSelf");
        }
        if (disabledAt != null) {
            throw new Refusal("account.admin.error.alreadyDisabled");
        }
        this.disabledAt = at;
    }

    public void enable() {
        if (disabledAt == null) {
            throw new Refusal("account.admin.error.notDisabled");
        }
        this.disabledAt = null;
    }

    public boolean isDisabled() {
        return disabledAt != null;
    }

    public Instant getDisabledAt() {
        return disabledAt;
    }

    /** An administrator lets the account organise events. */
    public void grantOrganizer() {
        if (roles.contains(Role.ORGANIZER)) {
            throw new Refusal("account.admin.error.alreadyOrganizer");
        }
        roles.add(Role.ORGANIZER);
    }

    /** An administrator takes the organizer role back; an administrator stays an organizer. */
    public void removeOrganizer() {
        if (!roles.contains(Role.ORGANIZER)) {
            throw new Refusal("account.admin.error.notOrganizer");
        }
        if (roles.contains(Role.ADMIN)) {
            throw new Refusal("account.admin.error.adminOrganizes");
        }
        roles.remove(Role.ORGANIZER);
    }

    public boolean canGrantOrganizer() {
        return !roles.contains(Role.ORGANIZER);
    }

    public boolean canRemoveOrganizer() {
        return roles.contains(Role.ORGANIZER) && !roles.contains(Role.ADMIN);
    }

    public void changePhoto(String photoKey) {
        this.photoKey = photoKey;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getFullName() {
        return (firstName + " " + lastName).strip();
    }

    public Locale getLanguage() {
        return Locale.forLanguageTag(preferredLanguage);
    }

    public String getPhotoKey() {
        return photoKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getEmailVerifiedAt() {
        return emailVerifiedAt;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
