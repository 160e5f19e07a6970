package org.guichet.api;

import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.ApiScope;
import org.guichet.account.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in account. */
@RestController
@Tag(name = "Me")
class MeController {

    record Profile(long id, String email, String firstName, String fullName, String language, List<String> roles,
            boolean verified, List<String> scopes) {
    }

    @GetMapping(ApiPaths.V1 + "/me")
    @ReadScope
    @Operation(summary = "The account the token signs in, and the token's scopes")
    Profile me(@AuthenticationPrincipal AccountPrincipal me) {
        List<String> scopes = SecurityContextHolder.getContext().getAuthentication() instanceof ApiAuthentication api
                ? api.scopes().stream().sorted().map(ApiScope::value).toList() : List.of();
        return new Profile(me.id(), me.email(), me.firstName(), me.fullName(), me.language().getLanguage(),
                Arrays.stream(Role.values()).filter(me::hasRole).map(Role::name).toList(), me.isVerified(), scopes);
    }
}
