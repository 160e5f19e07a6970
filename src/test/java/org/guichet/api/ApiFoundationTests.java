package org.guichet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.support.ApiTokens.bearer;
import static org.guichet.support.ApiTokens.from;
import static org.guichet.support.ApiTokens.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.Visibility;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.ApiTokens;
import org.guichet.support.ClientAddresses;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;

/**
 * The API's foundation: signing in with a password and refresh tokens, bearer tokens checked on the clock, one
 * problem shape for every error (translated, typed), one page shape, conditional GETs, the OpenAPI document.
 */
@IntegrationTest
class ApiFoundationTests {

    private static final String PROBLEM = "application/problem+json";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents testEvents;

    @Autowired
    MutableClock clock;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    ApiExceptionAdvice advice;

    @Test
    void aPasswordGivesAnAccessTokenThatSignsTheAccountIn() throws Exception {
        User organizer = Accounts.organizer(accounts);
        MvcResult issued = mvc.perform(post("/api/v1/auth/token").with(from(ClientAddresses.unique()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + organizer.getEmail() + "\",\"password\":\"" + Accounts.PASSWORD
                                + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token_type").value("Bearer"))
                .andExpect(jsonPath("$.expires_in").value(900))
                .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE))
                .andReturn();
        String accessToken = json(issued).get("access_token").asString();
        assertThat(json(issued).get("refresh_token").asString()).isNotBlank();

        mvc.perform(get("/api/v1/me").with(bearer(accessToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(organizer.getId()))
                .andExpect(jsonPath("$.email").value(organizer.getEmail()))
                .andExpect(jsonPath("$.verified").value(true))
                .andExpect(jsonPath("$.roles[?(@ == 'ORGANIZER')]").exists())
                .andExpect(jsonPath("$.scopes").value(org.hamcrest.Matchers.contains("read", "write", "checkin")))
                .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
    }

    @Test
    void aParticipantsAccessTokenCarriesNoCheckInScope() throws Exception {
        User participant = Accounts.participant(accounts);
        mvc.perform(get("/api/v1/me").with(bearer(ApiTokens.accessToken(mvc, participant))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scopes").value(org.hamcrest.Matchers.contains("read", "write")));
    }

    @Test
    void aWrongPasswordIsA401ProblemAndRepeatedFailuresAreThrottledWithRetryAfter() throws Exception {
        User participant = Accounts.participant(accounts);
        String address = ClientAddresses.unique();
        String wrong = "{\"email\":\"" + participant.getEmail() + "\",\"password\":\"not the password\"}";
        for (int attempt = 1; attempt <= 6; attempt++) {
            mvc.perform(post("/api/v1/auth/token").with(from(address)).contentType(MediaType.APPLICATION_JSON)
                            .content(wrong))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.type").value("/problems/bad-credentials"))
                    .andExpect(jsonPath("$.status").value(401))
                    .andExpect(jsonPath("$.title").value("Sign-in refused"));
        }
        String right = "{\"email\":\"" + participant.getEmail() + "\",\"password\":\"" + Accounts.PASSWORD + "\"}";
        mvc.perform(post("/api/v1/auth/token").with(from(address)).contentType(MediaType.APPLICATION_JSON)
                        .content(right))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER))
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("/problems/too-many-requests"));
        MvcResult throttled = mvc.perform(post("/api/v1/auth/token").with(from(address))
                .contentType(MediaType.APPLICATION_JSON).content(right)).andReturn();
        long wait = Long.parseLong(throttled.getResponse().getHeader(HttpHeaders.RETRY_AFTER));
        assertThat(wait).isPositive();

        clock.advance(Duration.ofSeconds(wait));
        mvc.perform(post("/api/v1/auth/token").with(from(address)).contentType(MediaType.APPLICATION_JSON)
                        .content(right))
                .andExpect(status().isOk());
    }

    @Test
    void withoutATokenEveryResourceAnswers401WithAChallenge() throws Exception {
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, org.hamcrest.Matchers.startsWith("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("/problems/unauthorized"))
                .andExpect(jsonPath("$.title").value("Authentication required"));
        mvc.perform(get("/api/v1/me").with(bearer("not-a-token")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE,
                        org.hamcrest.Matchers.containsString("invalid_token")))
                .andExpect(jsonPath("$.type").value("/problems/unauthorized"))
                .andExpect(jsonPath("$.detail").value("The bearer token is invalid, expired or revoked."));
    }

    @Test
    void anAccessTokenStopsWorkingOnceItsLifetimeIsOver() throws Exception {
        String token = ApiTokens.accessToken(mvc, Accounts.participant(accounts));
        mvc.perform(get("/api/v1/me").with(bearer(token))).andExpect(status().isOk());

        clock.advance(Duration.ofMinutes(14));
        mvc.perform(get("/api/v1/me").with(bearer(token))).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(2));
        mvc.perform(get("/api/v1/me").with(bearer(token)))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE,
                        org.hamcrest.Matchers.containsString("invalid_token")))
                .andExpect(jsonPath("$.type").value("/problems/unauthorized"));
    }

    @Test
    void aRefreshTokenGivesANewPairOnceAndItsReuseRevokesTheWholeFamily() throws Exception {
        User participant = Accounts.participant(accounts);
        ApiTokens.Pair first = ApiTokens.signIn(mvc, participant);

        JsonNode second = json(refresh(first.refreshToken()).andExpect(status().isOk()).andReturn());
        String secondRefresh = second.get("refresh_token").asString();
        assertThat(secondRefresh).isNotEqualTo(first.refreshToken());
        mvc.perform(get("/api/v1/me").with(bearer(second.get("access_token").asString())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(participant.getId()));

        // the first one, already exchanged, shown again: a copy; the family is revoked
        refresh(first.refreshToken())
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("/problems/invalid-grant"));
        refresh(secondRefresh).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/invalid-grant"));

        // another sign-in is another family, untouched
        ApiTokens.Pair other = ApiTokens.signIn(mvc, participant);
        refresh(other.refreshToken()).andExpect(status().isOk());
    }

    @Test
    void aPasswordChangeSignsTheApiOutToo() throws Exception {
        User participant = Accounts.participant(accounts);
        ApiTokens.Pair pair = ApiTokens.signIn(mvc, participant);

        testEvents.as(participant, () -> accounts.changePassword(participant.getId(), Accounts.PASSWORD,
                "another correct horse battery", null));

        refresh(pair.refreshToken()).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/invalid-grant"));
    }

    @Test
    void aRefreshTokenExpiresAndARevokedOneIsRefused() throws Exception {
        User participant = Accounts.participant(accounts);
        ApiTokens.Pair pair = ApiTokens.signIn(mvc, participant);
        mvc.perform(post("/api/v1/auth/revoke").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"refresh_token\":\"" + pair.refreshToken() + "\"}"))
                .andExpect(status().isNoContent());
        refresh(pair.refreshToken()).andExpect(status().isUnauthorized());

        ApiTokens.Pair later = ApiTokens.signIn(mvc, participant);
        clock.advance(Duration.ofDays(30).plusSeconds(1));
        refresh(later.refreshToken()).andExpect(status().isUnauthorized());
    }

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{\"email\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("/problems/malformed-json"))
                .andExpect(jsonPath("$.title").value("Malformed JSON"));
    }

    @Test
    void anUnknownFieldIsA400ProblemNamingIt() throws Exception {
        mvc.perform(post("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"refresh_token\":\"x\",\"grant_type\":\"refresh_token\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("/problems/unknown-field"))
                .andExpect(jsonPath("$.errors[0].field").value("grant_type"))
                .andExpect(jsonPath("$.errors[0].message").value("Unknown field."));
    }

    @Test
    void aMissingValueIsA422ProblemWithItsField() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"someone@example.org\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("/problems/invalid-fields"))
                .andExpect(jsonPath("$.errors[0].field").value("password"));
    }

    @Test
    void problemsSpeakTheRequestsLanguage() throws Exception {
        mvc.perform(get("/api/v1/me").header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR,fr;q=0.9"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/unauthorized"))
                .andExpect(jsonPath("$.title").value("Authentification requise"));
        String token = ApiTokens.accessToken(mvc, Accounts.participant(accounts));
        mvc.perform(get("/api/v1/categories").param("size", "101").with(bearer(token))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Requête incorrecte"))
                .andExpect(jsonPath("$.errors[0].message").value("Une page contient au plus 100 éléments."));
    }

    @Test
    void listsAnswerOnePageShapeAndRefuseAPageOverTheCap() throws Exception {
        String token = ApiTokens.accessToken(mvc, Accounts.participant(accounts));
        mvc.perform(get("/api/v1/categories").param("size", "2").param("page", "1").with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(2))
                .andExpect(jsonPath("$.content[0].slug").isString())
                .andExpect(jsonPath("$.page.number").value(1))
                .andExpect(jsonPath("$.page.size").value(2))
                .andExpect(jsonPath("$.page.totalElements").isNumber())
                .andExpect(jsonPath("$.page.totalPages").isNumber());

        mvc.perform(get("/api/v1/categories").param("size", "101").with(bearer(token)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("/problems/bad-request"))
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].message").value("A page holds at most 100 items."));
        mvc.perform(get("/api/v1/categories").param("size", "lots").with(bearer(token)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void anEventAnswersAnETagAndIfNoneMatchGives304UntilItChanges() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event event = testEvents.published(organizer, testEvents.details("Concert API", "Nantes", "concert", 10,
                "12.50", Visibility.PUBLIC));
        String token = ApiTokens.accessToken(mvc, Accounts.participant(accounts));

        MvcResult first = mvc.perform(get("/api/v1/events/{id}", event.getId()).with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(event.getId()))
                .andExpect(jsonPath("$.title").value("Concert API"))
                .andExpect(jsonPath("$.lowestPrice").value("12.50"))
                .andExpect(header().exists(HttpHeaders.ETAG))
                .andReturn();
        String etag = first.getResponse().getHeader(HttpHeaders.ETAG);

        mvc.perform(get("/api/v1/events/{id}", event.getId()).with(bearer(token))
                        .header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isNotModified())
                .andExpect(content().string(""));

        testEvents.register(Accounts.participant(accounts), event.getId(),
                ticketTypes.of(event.getId()).get(0).getId(), 1);
        mvc.perform(get("/api/v1/events/{id}", event.getId()).with(bearer(token))
                        .header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, org.hamcrest.Matchers.not(etag)));
    }

    @Test
    void anotherOrganizersDraftDoesNotExist() throws Exception {
        User owner = Accounts.organizer(accounts);
        Event draft = testEvents.draft(owner, testEvents.details("Brouillon API", "Lille", "concert", 10, "0",
                Visibility.PUBLIC));
        mvc.perform(get("/api/v1/events/{id}", draft.getId())
                        .with(bearer(ApiTokens.accessToken(mvc, Accounts.organizer(accounts)))))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
        mvc.perform(get("/api/v1/events/{id}", draft.getId()).with(bearer(ApiTokens.accessToken(mvc, owner))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(get("/api/v1/events/{id}", Long.MAX_VALUE).with(bearer(ApiTokens.accessToken(mvc, owner))))
                .andExpect(status().isNotFound());
    }

    @Test
    void theOpenApiDocumentIsOpenApi31AndListsThePathsAndTheBearerScheme() throws Exception {
        MvcResult document = mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn();
        JsonNode openApi = json(document);
        assertThat(openApi.get("openapi").asString()).startsWith("3.1.");
        assertThat(openApi.get("paths").propertyNames()).contains("/api/v1/auth/token", "/api/v1/auth/refresh",
                "/api/v1/me", "/api/v1/categories", "/api/v1/events/{id}");
        assertThat(openApi.get("paths").propertyNames()).allMatch(path -> path.startsWith("/api/v1/"));
        JsonNode scheme = openApi.get("components").get("securitySchemes").get("bearer");
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        assertThat(openApi.get("security").get(0).has("bearer")).isTrue();
        // signing in needs no token
        assertThat(openApi.get("paths").get("/api/v1/auth/token").get("post").get("security")).isEmpty();
    }

    @Test
    void swaggerUiIsServedWithoutAToken() throws Exception {
        MvcResult docs = mvc.perform(get("/api/docs")).andReturn();
        assertThat(docs.getResponse().getStatus()).isEqualTo(302);
        String ui = docs.getResponse().getRedirectedUrl();
        mvc.perform(get(ui))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("swagger-ui")))
                .andExpect(header().string("Content-Security-Policy", ApiSecurityConfig.DOCS_POLICY));
    }

    /**
     * What services refuse reaches the API as they throw it: a refusal of the state of things is 409 with its
     * reasons in words, one about fields 422 beside each field, a rate limit 429 with Retry-After; in French too.
     */
    @Test
    void refusalsAndRateLimitsBecomeProblems() {
        java.util.Locale before = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        try {
            org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.FRENCH);
            var conflict = advice.refused(new org.guichet.shared.Refusal("api.problem.field.required"));
            assertThat(conflict.getStatusCode().value()).isEqualTo(409);
            assertThat(conflict.getBody().getType().toString()).isEqualTo("/problems/conflict");
            assertThat(conflict.getBody().getTitle()).isEqualTo("Refusé");
            assertThat(conflict.getBody().getDetail()).isEqualTo("Cette valeur est obligatoire.");

            var invalid = advice.refused(org.guichet.shared.Refusal.at("name", "api.problem.field.required"));
            assertThat(invalid.getStatusCode().value()).isEqualTo(422);
            assertThat(invalid.getBody().getType().toString()).isEqualTo("/problems/invalid-fields");
            assertThat(invalid.getBody().getProperties().get("errors"))
                    .isEqualTo(java.util.List.of(new FieldProblem("name", "Cette valeur est obligatoire.")));

            var limited = advice.tooMany(new org.guichet.limits.TooManyRequests(
                    org.guichet.limits.RateLimit.TICKET_RESEND, Duration.ofSeconds(90)),
                    new org.springframework.mock.web.MockHttpServletRequest("POST", "/api/v1/x"));
            assertThat(limited.getStatusCode().value()).isEqualTo(429);
            assertThat(limited.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("90");
            assertThat(limited.getBody().getDetail()).isEqualTo("Réessayez dans 90 secondes.");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.setLocale(before);
        }
    }

    private org.springframework.test.web.servlet.ResultActions refresh(String refreshToken) throws Exception {
        return mvc.perform(post("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .content("{\"refresh_token\":\"" + refreshToken + "\"}"));
    }
}
