package org.guichet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.support.ApiTokens.bearer;
import static org.guichet.support.ApiTokens.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.ApiScope;
import org.guichet.account.PersonalTokens;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.Visibility;
import org.guichet.registration.TicketType;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.ApiTokens;
import org.guichet.support.IntegrationTest;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event's ticket types through the API: listed for whoever may see the event (the organizer's figures for its
 * organizer only), added, changed and closed by the organizer through the ticket type's own rules.
 */
@IntegrationTest
class ApiTicketTypesTests {

    private static final String PROBLEM = "application/problem+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    PersonalTokens personalTokens;

    @Autowired
    Clock clock;

    User organizer;
    String organizerToken;
    Event event;

    @BeforeEach
    void anOrganizersEvent() {
        organizer = Accounts.organizer(accounts);
        organizerToken = ApiTokens.accessToken(mvc, organizer);
        event = testEvents.published(organizer, testEvents.details("Théâtre", "Dijon", "festival", 8, "15.00",
                Visibility.PUBLIC));
    }

    @Test
    void visitorsSeeWhatThePageOffersAndTheOrganizerAlsoSeesItsFigures() throws Exception {
        long standard = ticketTypes.of(event.getId()).get(0).getId();
        testEvents.register(Accounts.participant(accounts), event.getId(), standard, 2);
        String participant = ApiTokens.accessToken(mvc, Accounts.participant(accounts));
        mvc.perform(get("/api/v1/events/{id}/ticket-types", event.getId()).with(bearer(participant)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.content[0].id").value(standard))
                .andExpect(jsonPath("$.content[0].name").value("Standard"))
                .andExpect(jsonPath("$.content[0].price").value("15.00"))
                .andExpect(jsonPath("$.content[0].currency").value("EUR"))
                .andExpect(jsonPath("$.content[0].onSale").value(true))
                .andExpect(jsonPath("$.content[0].remaining").value(98))
                .andExpect(jsonPath("$.content[0].quantity").doesNotExist())
                .andExpect(jsonPath("$.content[0].sold").doesNotExist())
                .andExpect(jsonPath("$.page.totalElements").value(1));
        mvc.perform(get("/api/v1/events/{id}/ticket-types", event.getId()).with(bearer(organizerToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].quantity").value(100))
                .andExpect(jsonPath("$.content[0].sold").value(2));

        Event draft = testEvents.draft(organizer, testEvents.details("Répétition", "Dijon", "festival", 8, "0",
                Visibility.PUBLIC));
        mvc.perform(get("/api/v1/events/{id}/ticket-types", draft.getId()).with(bearer(participant)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/events/{id}/ticket-types", draft.getId())
                        .with(bearer(ApiTokens.accessToken(mvc, Accounts.organizer(accounts)))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/events/{id}/ticket-types", draft.getId()).with(bearer(organizerToken)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/events/{id}/ticket-types", event.getId())).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/events/{id}/ticket-types", event.getId()).param("size", "500")
                        .with(bearer(participant)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anOrganizerAddsATypeWithItsPriceReadFromADecimalString() throws Exception {
        Instant opens = clock.instant().plus(Duration.ofDays(1));
        MvcResult added = send(post("/api/v1/events/{id}/ticket-types", event.getId()), organizerToken,
                typeBody(Map.of("name", "Early bird", "price", "9.90", "quantity", 30, "maxPerOrder", 2,
                        "saleStartsAt", opens.toString())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Early bird"))
                .andExpect(jsonPath("$.price").value("9.90"))
                .andExpect(jsonPath("$.quantity").value(30))
                .andExpect(jsonPath("$.sold").value(0))
                .andExpect(jsonPath("$.maxPerOrder").value(2))
                .andExpect(jsonPath("$.saleStartsAt").value(opens.toString()))
                .andExpect(jsonPath("$.onSale").value(false))
                .andReturn();
        long id = json(added).get("id").asLong();
        assertThat(ticketTypes.of(event.getId())).extracting(TicketType::getId).contains(id);
        mvc.perform(get("/api/v1/events/{id}", event.getId()).with(bearer(organizerToken)))
                .andExpect(jsonPath("$.lowestPrice").value("9.90"))
                .andExpect(jsonPath("$.highestPrice").value("15.00"));
    }

    @Test
    void whatTheRulesRefuseIs422BesideItsFieldAndUnreadableBodiesAre400() throws Exception {
        send(post("/api/v1/events/{id}/ticket-types", event.getId()), organizerToken,
                typeBody(Map.of("name", "  ")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("/problems/invalid-fields"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        send(post("/api/v1/events/{id}/ticket-types", event.getId()), organizerToken,
                typeBody(Map.of("price", "9,90")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("price"));
        send(post("/api/v1/events/{id}/ticket-types", event.getId()), organizerToken,
                typeBody(Map.of("price", "-1")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("price"));
        Instant opens = clock.instant().plus(Duration.ofDays(2));
        send(post("/api/v1/events/{id}/ticket-types", event.getId()), organizerToken,
                typeBody(Map.of("saleStartsAt", opens.toString(), "saleEndsAt", opens.minusSeconds(60).toString())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("saleEndsAt"));
        send(post("/api/v1/events/{id}/ticket-types", event.getId()), organizerToken, "{\"name\": \"VIP\",")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/malformed-json"));
        send(post("/api/v1/events/{id}/ticket-types", event.getId()), organizerToken,
                typeBody(Map.of("colour", "gold")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/unknown-field"))
                .andExpect(jsonPath("$.errors[0].field").value("colour"));
        assertThat(ticketTypes.of(event.getId())).hasSize(1);
    }

    @Test
    void addingAnswers401403And404AsTheEventsRoutesDo() throws Exception {
        mvc.perform(post("/api/v1/events/{id}/ticket-types", event.getId()).contentType(MediaType.APPLICATION_JSON)
                        .content(typeBody(Map.of())))
                .andExpect(status().isUnauthorized());
        String read = testEvents.as(organizer, () -> personalTokens.create(AccountPrincipal.of(organizer), "read",
                EnumSet.of(ApiScope.READ))).secret();
        send(post("/api/v1/events/{id}/ticket-types", event.getId()), read, typeBody(Map.of()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        send(post("/api/v1/events/{id}/ticket-types", event.getId()),
                ApiTokens.accessToken(mvc, Accounts.participant(accounts)), typeBody(Map.of()))
                .andExpect(status().isForbidden());
        String other = ApiTokens.accessToken(mvc, Accounts.organizer(accounts));
        long standard = ticketTypes.of(event.getId()).get(0).getId();
        send(post("/api/v1/events/{id}/ticket-types", event.getId()), other, typeBody(Map.of()))
                .andExpect(status().isNotFound());
        send(put("/api/v1/events/{id}/ticket-types/{typeId}", event.getId(), standard), other, typeBody(Map.of()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/events/{id}/ticket-types/{typeId}/close", event.getId(), standard)
                        .with(bearer(other)))
                .andExpect(status().isNotFound());
        assertThat(ticketTypes.of(event.getId())).hasSize(1);
        assertThat(ticketTypes.of(event.getId()).get(0).isClosed()).isFalse();
    }

    @Test
    void aTypeChangesButNeverBelowWhatIsSold() throws Exception {
        long standard = ticketTypes.of(event.getId()).get(0).getId();
        testEvents.register(Accounts.participant(accounts), event.getId(), standard, 3);
        send(put("/api/v1/events/{id}/ticket-types/{typeId}", event.getId(), standard), organizerToken,
                typeBody(Map.of("name", "Plein tarif", "price", "16.00", "quantity", 2)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("quantity"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("3")));
        send(put("/api/v1/events/{id}/ticket-types/{typeId}", event.getId(), standard), organizerToken,
                typeBody(Map.of("name", "Plein tarif", "price", "16.00", "quantity", 40)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Plein tarif"))
                .andExpect(jsonPath("$.price").value("16.00"))
                .andExpect(jsonPath("$.quantity").value(40))
                .andExpect(jsonPath("$.sold").value(3));
        TicketType changed = ticketTypes.of(event.getId()).get(0);
        assertThat(changed.getName()).isEqualTo("Plein tarif");
        assertThat(changed.getQuantity()).isEqualTo(40);
        send(put("/api/v1/events/{id}/ticket-types/{typeId}", event.getId(), Long.MAX_VALUE), organizerToken,
                typeBody(Map.of()))
                .andExpect(status().isNotFound());
    }

    @Test
    void closingStopsSalesAndClosingAgainIsAConflict() throws Exception {
        long standard = ticketTypes.of(event.getId()).get(0).getId();
        mvc.perform(post("/api/v1/events/{id}/ticket-types/{typeId}/close", event.getId(), standard)
                        .with(bearer(organizerToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.closed").value(true))
                .andExpect(jsonPath("$.onSale").value(false));
        assertThat(ticketTypes.of(event.getId()).get(0).isClosed()).isTrue();
        mvc.perform(post("/api/v1/events/{id}/ticket-types/{typeId}/close", event.getId(), standard)
                        .with(bearer(organizerToken)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("/problems/conflict"))
                .andExpect(jsonPath("$.reasons[0]").value("ticketType.error.alreadyClosed"));
        String participant = ApiTokens.accessToken(mvc, Accounts.participant(accounts));
        mvc.perform(get("/api/v1/events/{id}/ticket-types", event.getId()).with(bearer(participant)))
                .andExpect(jsonPath("$.content[0].closed").value(true))
                .andExpect(jsonPath("$.content[0].onSale").value(false));
    }

    @Test
    void theOpenApiDocumentListsTheTicketTypePaths() throws Exception {
        JsonNode paths = json(mvc.perform(get("/api/v1/openapi.json")).andReturn()).get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/events/{id}/ticket-types",
                "/api/v1/events/{id}/ticket-types/{typeId}", "/api/v1/events/{id}/ticket-types/{typeId}/close");
        assertThat(paths.get("/api/v1/events/{id}/ticket-types").has("get")).isTrue();
        assertThat(paths.get("/api/v1/events/{id}/ticket-types").has("post")).isTrue();
    }

    private String typeBody(Map<String, Object> changes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "VIP");
        body.put("price", "45.00");
        body.put("quantity", 20);
        body.put("maxPerOrder", 4);
        body.putAll(changes);
        return JSON.writeValueAsString(body);
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        return mvc.perform(request.with(bearer(token)).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
