package org.guichet.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.guichet.limits.LimitedAccount;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as the session keeps it: enough to draw every page without a query. */
public final class AccountPrincipal implements UserDetails, CredentialsContainer, Serializable, LimitedAccount {

    /**
     * The authority of an account whose address is proved: registering, buying, organising and invitations need it
     * ({@code SecurityConfig}). Without it an account may browse and edit its profile.
     */
    public static final String VERIFIED = "VERIFIED";

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String email;
    private String passwordHash;
    private final String firstName;
    private final String fullName;
    private final Locale language;
    private final String photoKey;
    private final boolean verified;
    private final boolean disabled;
    private final List<SimpleGrantedAuthority> authorities;

    private AccountPrincipal(User user) {
        this.id = user.getId();
        this.email = user.getEmail();
        this.passwordHash = user.getPasswordHash();
        this.firstName = user.getFirstName();
        this.fullName = user.getFullName();
        this.language = user.getLanguage();
        this.photoKey = user.getPhotoKey();
        this.verified = user.isEmailVerified();
        this.disabled = user.isDisabled();
        this.authorities = Stream.concat(
                        user.getRoles().stream().sorted().map(Role::authority),
                        verified ? Stream.of(VERIFIED) : Stream.<String>empty())
                .map(SimpleGrantedAuthority::new)
                .toList();
    }

    public static AccountPrincipal of(User user) {
        return new AccountPrincipal(user);
    }

    @Override
    public long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String firstName() {
        return firstName;
    }

    public String fullName() {
        return fullName;
    }

    public Locale language() {
        return language;
    }

    public String photoKey() {
        return photoKey;
    }

    public boolean isVerified() {
        return verified;
    }

    public boolean hasRole(Role role) {
        return authorities.stream().anyMatch(authority -> authority.getAuthority().equals(role.authority()));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    /** A disabled account signs in neither by password nor by "remember me" (Spring's account checks). */
    @Override
    public boolean isEnabled() {
        return !disabled;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountPrincipal principal && principal.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "AccountPrincipal[" + id + "]";
    }
}
