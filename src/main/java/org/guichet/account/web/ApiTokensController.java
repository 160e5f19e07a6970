package org.guichet.account.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.ApiScope;
import org.guichet.account.PersonalTokens;
import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organizer's personal API tokens: made with a name and scopes, the secret shown once on the page that
 * answers the form (never stored in the session, never shown again), listed with their last use, revoked.
 */
@Controller
class ApiTokensController {

    /** The platform's home zone, in which the list shows when tokens were made and last used. */
    private static final ZoneId SHOWN_IN = ZoneId.of("Europe/Paris");

    /** What the form sends: a name and the chosen scopes ({@code read}, {@code write}, {@code checkin}). */
    static final class TokenForm {
        private String name = "";
        private List<String> scopes = new ArrayList<>(List.of(ApiScope.READ.value()));

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public List<String> getScopes() {
            return scopes;
        }

        public void setScopes(List<String> scopes) {
            this.scopes = scopes == null ? new ArrayList<>() : scopes;
        }

        Set<ApiScope> chosen() {
            Set<ApiScope> chosen = EnumSet.noneOf(ApiScope.class);
            scopes.forEach(value -> ApiScope.of(value).ifPresent(chosen::add));
            return chosen;
        }
    }

    /** One line of the list, its dates already in words. */
    record Row(long id, String name, String scopes, String createdAt, String lastUsedAt) {
    }

    private final PersonalTokens tokens;

    ApiTokensController(PersonalTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/account/api-tokens")
    String list(@AuthenticationPrincipal AccountPrincipal organizer, Model model, Locale locale) {
        model.addAttribute("tokenForm", new TokenForm());
        return page(organizer, model, locale);
    }

    @PostMapping("/account/api-tokens")
    String create(@AuthenticationPrincipal AccountPrincipal organizer, @ModelAttribute TokenForm tokenForm,
            BindingResult result, Model model, Locale locale) {
        try {
            PersonalTokens.Created created = tokens.create(organizer, tokenForm.getName(), tokenForm.chosen());
            model.addAttribute("created", created);
            model.addAttribute("tokenForm", new TokenForm());
        } catch (Refusal refusal) {
            Refusals.bind(result, refusal);
        }
        return page(organizer, model, locale);
    }

    @PostMapping("/account/api-tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal AccountPrincipal organizer, @PathVariable long id,
            RedirectAttributes redirect) {
        tokens.revoke(organizer, id);
        redirect.addFlashAttribute("saved", "account.apiTokens.revoked");
        return "redirect:/account/api-tokens";
    }

    private String page(AccountPrincipal organizer, Model model, Locale locale) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(SHOWN_IN);
        model.addAttribute("tokens", tokens.of(organizer).stream()
                .map(token -> new Row(token.id(), token.name(), ApiScope.join(token.scopes()),
                        format.format(token.createdAt()), shown(token.lastUsedAt(), format)))
                .toList());
        model.addAttribute("allScopes", ApiScope.allowedFor(organizer).stream().map(ApiScope::value).toList());
        return "account/api-tokens";
    }

    private static String shown(Instant at, DateTimeFormatter format) {
        return at == null ? null : format.format(at);
    }
}
