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
     * themselves. The password link mailed to the address is its way in.
     */
    public static User administrator(String email, String unusablePasswordHash, Instant createdAt) {
        return new User(email, unusablePasswordHash, EmailAddresses.localPart(email), "", Locale.ENGLISH,
                EnumSet.of(Role.ADMIN, Role.ORGANIZER), createdAt);
    }

    /** Makes the account an administrator (and organizer); false when it already was one. */
    public boolean promoteToAdministrator() {
        boolean changed = !roles.contains(Role.ADMIN);
        roles.add(Role.ADMIN);
        roles.add(Role.ORGANIZER);
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

    public void changeEmail(String email) {
        this.email = EmailAddresses.normalise(email);
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

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
