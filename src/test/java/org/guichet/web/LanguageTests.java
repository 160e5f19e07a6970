package org.guichet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.Locale;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.support.Accounts;
import org.guichet.support.Browser;
import org.guichet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class LanguageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    UserRepository users;

    @Test
    void theSwitcherWinsOverTheBrowserAndStaysInACookie() throws Exception {
        Browser browser = new Browser(mvc);
        browser.submit("/locale", "lang", "fr", "redirect", "/login").andExpect(redirectedUrl("/login"));
        assertThat(browser.cookieValue("guichet-lang")).isEqualTo("fr");
        browser.perform(get("/login").header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Mot de passe oublié ?")));
    }

    @Test
    void neverRedirectsToAnotherSite() throws Exception {
        new Browser(mvc).submit("/locale", "lang", "fr", "redirect", "//evil.example/x").andExpect(redirectedUrl("/"));
        new Browser(mvc).submit("/locale", "lang", "fr", "redirect", "https://evil.example/").andExpect(redirectedUrl("/"));
    }

    @Test
    void aVisitorsChoiceIsKeptAfterSigningInAndBecomesTheAccounts() throws Exception {
        User user = Accounts.signUp(accounts, Accounts.uniqueEmail("anglophone"), java.util.Set.of(), Locale.ENGLISH);
        Browser browser = new Browser(mvc);
        browser.submit("/locale", "lang", "fr", "redirect", "/login");
        browser.logIn(user.getEmail(), Accounts.PASSWORD);

        browser.perform(get("/account").header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Mon compte")));
        assertThat(users.findById(user.getId()).orElseThrow().getLanguage()).isEqualTo(Locale.FRENCH);
        // a form error speaks the page's language
        browser.submit("/account/password", "currentPassword", "not-my-password", "newPassword", "a-new-passphrase-1")
                .andExpect(content().string(containsString("Le mot de passe actuel est incorrect.")))
                .andExpect(content().string(not(containsString("The current password is not correct."))));
    }

    @Test
    void withoutAChoiceTheAccountsLanguageIsUsedAndTheSwitcherUpdatesIt() throws Exception {
        User user = Accounts.signUp(accounts, Accounts.uniqueEmail("francophone"), java.util.Set.of(), Locale.FRENCH);
        Browser browser = new Browser(mvc);
        browser.logIn(user.getEmail(), Accounts.PASSWORD);
        browser.perform(get("/account").header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Mon compte")));
        assertThat(browser.cookieValue("guichet-lang")).isEqualTo("fr");
        assertThat(users.findById(user.getId()).orElseThrow().getLanguage()).isEqualTo(Locale.FRENCH);

        browser.submit("/locale", "lang", "en", "redirect", "/account");
        assertThat(users.findById(user.getId()).orElseThrow().getLanguage()).isEqualTo(Locale.ENGLISH);
        browser.perform(get("/account").header("Accept-Language", "fr"))
                .andExpect(content().string(containsString("My account")));
    }
}
