package org.guichet.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.Languages;
import org.guichet.account.SignedInSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The language switcher: remembered in a cookie, and as the preference of a signed-in user. */
@Controller
class LanguageController {

    private final LocaleResolver locales;
    private final AccountService accounts;
    private final SignedInSession session;

    LanguageController(LocaleResolver locales, AccountService accounts, SignedInSession session) {
        this.locales = locales;
        this.accounts = accounts;
        this.session = session;
    }

    @PostMapping("/locale")
    String switchLanguage(@RequestParam String lang, @RequestParam(required = false) String redirect,
            @AuthenticationPrincipal AccountPrincipal principal, HttpServletRequest request,
            HttpServletResponse response) {
        Locale language = Languages.supported(Locale.forLanguageTag(lang));
        if (principal != null) {
            session.refresh(accounts.changeLanguage(principal.id(), language), request, response);
        } else {
            locales.setLocale(request, response, language);
        }
        return "redirect:" + LocalRedirects.safe(redirect);
    }
}
