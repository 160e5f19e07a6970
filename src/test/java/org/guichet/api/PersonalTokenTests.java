package org.guichet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.support.ApiTokens.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Organizers' personal API tokens: made on the profile's page with a name and scopes, the secret shown once,
 * working as a bearer token with those scopes only, listed with their last use, revoked for good.
 */
@IntegrationTest
class PersonalTokenTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    MutableClock clock;

    @Test
    void aTokenIsShownOnceWorksWithItsScopesShowsItsLastUseAndStopsWhenRevoked() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Document made = page(mvc.perform(post("/account/api-tokens").with(csrf())
                        .with(authentication(Accounts.signedIn(organizer)))
                        .param("name", "Door scanner").param("scopes", "read"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        String secret = made.selectFirst("#new-token").attr("value");
        assertThat(secret).startsWith("gch_").hasSizeGreaterThan(40);

        Document list = listPage(organizer);
        assertThat(list.html()).doesNotContain(secret);
        Element row = list.selectFirst("tr.api-token");
        assertThat(row.text()).contains("Door scanner").contains("read");
        assertThat(row.selectFirst(".last-used").text()).isEqualTo("Never");

        mvc.perform(get("/api/v1/me").with(bearer(secret)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(organizer.getId()))
                .andExpect(jsonPath("$.scopes").value(org.hamcrest.Matchers.contains("read")));
        String firstUse = listPage(organizer).selectFirst("tr.api-token .last-used").text();
        assertThat(firstUse).isNotEqualTo("Never");

        // used again within the minute: not written again; used two minutes later: written
        clock.advance(Duration.ofSeconds(50));
        mvc.perform(get("/api/v1/me").with(bearer(secret))).andExpect(status().isOk());
        assertThat(listPage(organizer).selectFirst("tr.api-token .last-used").text()).isEqualTo(firstUse);
        clock.advance(Duration.ofMinutes(2));
        mvc.perform(get("/api/v1/me").with(bearer(secret))).andExpect(status().isOk());
        assertThat(listPage(organizer).selectFirst("tr.api-token .last-used").text()).isNotEqualTo(firstUse);

        String revoke = row.selectFirst("form").attr("action");
        mvc.perform(post(revoke).with(csrf()).with(authentication(Accounts.signedIn(organizer))))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/account/api-tokens"));
        mvc.perform(get("/api/v1/me").with(bearer(secret)))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE,
                        org.hamcrest.Matchers.containsString("invalid_token")))
                .andExpect(jsonPath("$.type").value("/problems/unauthorized"));
        assertThat(listPage(organizer).select("tr.api-token")).isEmpty();
    }

    @Test
    void aTokenWithoutTheScopeARouteNeedsIsA403Problem() throws Exception {
        User organizer = Accounts.organizer(accounts);
        String checkInOnly = create(organizer, "Scanner", "checkin");
        mvc.perform(get("/api/v1/me").with(bearer(checkInOnly)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("/problems/forbidden"))
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void aTokenNeedsANameAndAScopeShownBesideTheirFields() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Document refused = page(mvc.perform(post("/account/api-tokens").with(csrf())
                        .with(authentication(Accounts.signedIn(organizer))).param("name", " ")
                        .param("_scopes", "on"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.selectFirst("#new-token")).isNull();
        assertThat(refused.selectFirst("#name-error").text()).isEqualTo("Give the token a name.");
        assertThat(refused.selectFirst("#scopes-error").text()).isEqualTo("Choose at least one scope.");
        assertThat(listPage(organizer).select("tr.api-token")).isEmpty();
    }

    @Test
    void anotherOrganizersTokenCannotBeRevokedAndParticipantsHaveNone() throws Exception {
        User owner = Accounts.organizer(accounts);
        String secret = create(owner, "Mine", "read");
        String revoke = listPage(owner).selectFirst("tr.api-token form").attr("action");
        User other = Accounts.organizer(accounts);
        mvc.perform(post(revoke).with(csrf()).with(authentication(Accounts.signedIn(other))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/me").with(bearer(secret))).andExpect(status().isOk());

        mvc.perform(get("/account/api-tokens").with(authentication(Accounts.signedIn(Accounts.participant(accounts)))))
                .andExpect(status().isForbidden());
    }

    private String create(User organizer, String name, String scope) throws Exception {
        return page(mvc.perform(post("/account/api-tokens").with(csrf())
                        .with(authentication(Accounts.signedIn(organizer))).param("name", name).param("scopes", scope))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .selectFirst("#new-token").attr("value");
    }

    private Document listPage(User organizer) throws Exception {
        return page(mvc.perform(get("/account/api-tokens").with(authentication(Accounts.signedIn(organizer))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static Document page(String html) {
        return Jsoup.parse(html);
    }
}
