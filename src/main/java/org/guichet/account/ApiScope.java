package org.guichet.account;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API token may do: {@code read} (GET), {@code write} (create, change, buy, cancel), {@code checkin} (the
 * door's check-in). An access token from {@code /api/v1/auth/token} carries every scope its account's roles allow; a
 * personal token the scopes its organizer chose. Spring Security sees them as {@code SCOPE_read} and so on.
 */
public enum ApiScope {
    READ, WRITE, CHECKIN;

    /** The name in tokens and requests: {@code read}, {@code write}, {@code checkin}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "SCOPE_" + value();
    }

    public static Optional<ApiScope> of(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value().equals(value)).findFirst();
    }

    /** Every account reads and buys; only organizers (and administrators) check tickets in. */
    public static Set<ApiScope> allowedFor(AccountPrincipal account) {
        return account.hasRole(Role.ORGANIZER) || account.hasRole(Role.ADMIN)
                ? EnumSet.allOf(ApiScope.class) : EnumSet.of(READ, WRITE);
    }

    /** Space-separated, as OAuth writes scopes. */
    public static String join(Set<ApiScope> scopes) {
        return scopes.stream().sorted().map(ApiScope::value).collect(Collectors.joining(" "));
    }

    /** The known scopes among these names; unknown ones are dropped. */
    public static Set<ApiScope> parse(String spaceSeparated) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        if (spaceSeparated != null) {
            Arrays.stream(spaceSeparated.trim().split("\\s+")).map(ApiScope::of)
                    .forEach(scope -> scope.ifPresent(scopes::add));
        }
        return scopes;
    }
}
