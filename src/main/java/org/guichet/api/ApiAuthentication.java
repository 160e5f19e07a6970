package org.guichet.api;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.ApiScope;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request signed in by a bearer token: the account as it is now (so {@code principal.id()} in the services'
 * method security works as for a web session), its roles and {@code VERIFIED} state, and the token's scopes as
 * {@code SCOPE_read} and so on.
 */
final class ApiAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    enum Kind { ACCESS_TOKEN, PERSONAL_TOKEN }

    private final AccountPrincipal account;
    private final Set<ApiScope> scopes;
    private final Kind kind;

    ApiAuthentication(AccountPrincipal account, Set<ApiScope> scopes, Kind kind) {
        super(authorities(account, scopes));
        this.account = account;
        this.scopes = Set.copyOf(scopes);
        this.kind = kind;
        setAuthenticated(true);
    }

    private static Collection<? extends GrantedAuthority> authorities(AccountPrincipal account, Set<ApiScope> scopes) {
        List<GrantedAuthority> all = new ArrayList<>(account.getAuthorities());
        scopes.stream().sorted().map(scope -> new SimpleGrantedAuthority(scope.authority())).forEach(all::add);
        return all;
    }

    @Override
    public AccountPrincipal getPrincipal() {
        return account;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    Set<ApiScope> scopes() {
        return scopes;
    }

    Kind kind() {
        return kind;
    }
}
