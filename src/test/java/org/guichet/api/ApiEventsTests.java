package org.guichet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.support.ApiTokens.bearer;
import static org.guichet.support.ApiTokens.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.ApiScope;
import org.guichet.account.PersonalTokens;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.EventSearch;
import org.guichet.event.EventService;
import org.guichet.event.EventStatus;
import org.guichet.event.Visibility;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.ApiTokens;
import org.guichet.support.Images;
import org.guichet.support.TestEvents;
import org.guichet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events through the API: the public listing with the web listing's filters, one event's details, and what an
 * organizer does to theirs (create, change, publish, cancel, duplicate, delete, picture), with the statuses each
 * refusal answers.
 */
@IntegrationTest
class ApiEventsTests {

    private static final String PROBLEM = "application/problem+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents testEvents;

    @Autowired
    EventService events;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    PersonalTokens personalTokens;

    @Autowired
    Clock clock;

    User organizer;
    String organizerToken;

    @BeforeEach
    void anOrganizer() {
        organizer = Accounts.organizer(accounts);
        organizerToken = ApiTokens.accessToken(mvc, organizer);
    }

    // The listing

    @Test
    void theListingFiltersAsTheWebListingDoesAndAnswersThePageShape() throws Exception {
        String city = uniqueCity();
        Event soonFree = testEvents.published(organizer, testEvents.details("Atelier poterie", city, "workshop", 3,
                "0", Visibility.PUBLIC));
        Event laterPaid = testEvents.published(organizer, testEvents.details("Grand concert", city, "concert", 20,
                "25.00", Visibility.PUBLIC));
        Event laterFree = testEvents.published(organizer, testEvents.details("Concert gratuit", city, "concert", 25,
                "0", Visibility.PUBLIC));
        testEvents.draft(organizer, testEvents.details("Brouillon caché", city, "concert", 5, "0", Visibility.PUBLIC));
        testEvents.published(organizer, testEvents.details("Privé caché", city, "concert", 5, "0",
                Visibility.PRIVATE));
        testEvents.register(Accounts.participant(accounts), laterFree.getId(),
                ticketTypes.of(laterFree.getId()).get(0).getId(), 2);
        String token = ApiTokens.accessToken(mvc, Accounts.participant(accounts));

        mvc.perform(get("/api/v1/events").param("city", city).with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id").value(org.hamcrest.Matchers.contains(
                        soonFree.getId().intValue(), laterPaid.getId().intValue(), laterFree.getId().intValue())))
                .andExpect(jsonPath("$.page.number").value(0))
                .andExpect(jsonPath("$.page.size").value(20))
                .andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.page.totalPages").value(1))
                .andExpect(jsonPath("$.content[1].lowestPrice").value("25.00"))
                .andExpect(jsonPath("$.content[1].currency").value("EUR"))
                .andExpect(jsonPath("$.content[1].timeZone").value("Europe/Paris"));

        assertThat(ids(list(token, Map.of("city", city, "category", "concert"))))
                .containsExactly(laterPaid.getId(), laterFree.getId());
        assertThat(ids(list(token, Map.of("city", city, "price", "free"))))
                .containsExactly(soonFree.getId(), laterFree.getId());
        assertThat(ids(list(token, Map.of("city", city, "price", "paid")))).containsExactly(laterPaid.getId());
        assertThat(ids(list(token, Map.of("city", city, "q", "concert gratuit"))))
                .containsExactly(laterFree.getId());
        LocalDate tenDaysOn = LocalDate.ofInstant(clock.instant().plus(Duration.ofDays(10)), EventSearch.FILTER_ZONE);
        assertThat(ids(list(token, Map.of("city", city, "from", tenDaysOn.toString()))))
                .containsExactly(laterPaid.getId(), laterFree.getId());
        assertThat(ids(list(token, Map.of("city", city, "to", tenDaysOn.toString()))))
                .containsExactly(soonFree.getId());
        assertThat(ids(list(token, Map.of("city", city, "sort", "popular"))).get(0)).isEqualTo(laterFree.getId());
        assertThat(ids(list(token, Map.of("city", city, "sort", "newest"))))
                .containsExactly(laterFree.getId(), laterPaid.getId(), soonFree.getId());

        mvc.perform(get("/api/v1/events").param("city", city).param("size", "2").param("page", "1")
                        .with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.content[0].id").value(laterFree.getId()))
                .andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.page.totalPages").value(2));
    }

    @Test
    void aListingFilterOfNoKnownKindOrAnOversizedPageIsA400NamingIt() throws Exception {
        String token = ApiTokens.accessToken(mvc, Accounts.participant(accounts));
        mvc.perform(get("/api/v1/events").param("price", "cheap").param("from", "tomorrow").with(bearer(token)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("/problems/bad-request"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "price", "from")));
        mvc.perform(get("/api/v1/events").param("sort", "alphabetical").with(bearer(token)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        mvc.perform(get("/api/v1/events").param("size", "101").with(bearer(token)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/events")).andExpect(status().isUnauthorized());
    }

    // One event

    @Test
    void anEventAnswersWhatAnAppNeedsToShowIt() throws Exception {
        Event event = testEvents.published(organizer, testEvents.details("Soirée jazz", "Bordeaux", "concert", 9,
                "18.00", Visibility.PUBLIC));
        addType(event, "VIP", "40.00");
        String token = ApiTokens.accessToken(mvc, Accounts.participant(accounts));
        mvc.perform(get("/api/v1/events/{id}", event.getId()).with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Soirée jazz"))
                .andExpect(jsonPath("$.description").value("About Soirée jazz"))
                .andExpect(jsonPath("$.descriptionHtml").value(org.hamcrest.Matchers.containsString(
                        "<p>About Soirée jazz</p>")))
                .andExpect(jsonPath("$.category").value("concert"))
                .andExpect(jsonPath("$.venueName").value("Salle des fêtes"))
                .andExpect(jsonPath("$.city").value("Bordeaux"))
                .andExpect(jsonPath("$.country").value("France"))
                .andExpect(jsonPath("$.startsAt").value(event.getStartsAt().toString()))
                .andExpect(jsonPath("$.timeZone").value("Europe/Paris"))
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.visibility").value("PUBLIC"))
                .andExpect(jsonPath("$.capacity").value(100))
                .andExpect(jsonPath("$.seatsLeft").value(100))
                .andExpect(jsonPath("$.lowestPrice").value("18.00"))
                .andExpect(jsonPath("$.highestPrice").value("40.00"))
                .andExpect(jsonPath("$.cardPictureUrl").doesNotExist())
                .andExpect(jsonPath("$.pageUrl").value(org.hamcrest.Matchers.endsWith(
                        "/events/" + event.getId() + "/soiree-jazz")));
    }

    // Creating and changing

    @Test
    void anOrganizerCreatesADraftWithItsStandardTicketType() throws Exception {
        MvcResult created = send(post("/api/v1/events"), organizerToken, eventBody(Map.of()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.title").value("Festival d’été"))
                .andExpect(jsonPath("$.descriptionHtml").value(org.hamcrest.Matchers.containsString(
                        "<strong>grand</strong>")))
                .andExpect(jsonPath("$.lowestPrice").value("12.50"))
                .andExpect(jsonPath("$.capacity").value(80))
                .andExpect(jsonPath("$.timeZone").value("Europe/Paris"))
                .andReturn();
        long id = json(created).get("id").asLong();
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/v1/events/" + id);
        Event stored = testEvents.as(organizer, () -> events.manageable(id, AccountPrincipal.of(organizer)));
        assertThat(stored.getStatus()).isEqualTo(EventStatus.DRAFT);
        assertThat(stored.getCity()).isEqualTo("Nantes");
        assertThat(ticketTypes.of(id)).singleElement()
                .satisfies(type -> assertThat(type.getPrice()).isEqualByComparingTo("12.50"));

        mvc.perform(get("/api/v1/me/events").with(bearer(organizerToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id").value(org.hamcrest.Matchers.hasItem((int) id)))
                .andExpect(jsonPath("$.page.totalElements").value(1));
        mvc.perform(get("/api/v1/me/events").with(bearer(ApiTokens.accessToken(mvc, Accounts.organizer(accounts)))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void creatingAnswers401WithoutToken403ForAReadTokenOrAParticipantAnd400ForBadJson() throws Exception {
        mvc.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON).content(eventBody(Map.of())))
                .andExpect(status().isUnauthorized());
        send(post("/api/v1/events"), personal(organizer, ApiScope.READ), eventBody(Map.of()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        User participant = Accounts.participant(accounts);
        send(post("/api/v1/events"), ApiTokens.accessToken(mvc, participant), eventBody(Map.of()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        mvc.perform(get("/api/v1/me/events").with(bearer(ApiTokens.accessToken(mvc, participant))))
                .andExpect(status().isForbidden());
        send(post("/api/v1/events"), organizerToken, "{\"title\": ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/malformed-json"));
        send(post("/api/v1/events"), organizerToken, eventBody(Map.of("publishNow", true)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/unknown-field"))
                .andExpect(jsonPath("$.errors[0].field").value("publishNow"));
        send(post("/api/v1/events"), organizerToken, eventBody(Map.of("startsAt", "next friday")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("startsAt"));
        assertThat(testEvents.as(organizer, () -> events.organizedBy(AccountPrincipal.of(organizer)))).isEmpty();
    }

    @Test
    void anOrganizerWhoseAddressIsNotConfirmedIsToldToConfirmItFirst() throws Exception {
        User unconfirmed = Accounts.signUpUnverified(accounts, Accounts.uniqueEmail("unconfirmed"),
                java.util.Set.of(org.guichet.account.Role.ORGANIZER), java.util.Locale.ENGLISH);
        String token = ApiTokens.accessToken(mvc, unconfirmed);
        send(post("/api/v1/events"), token, eventBody(Map.of()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/unverified"));
        mvc.perform(get("/api/v1/me/events").with(bearer(token)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/unverified"));
    }

    @Test
    void refusedDetailsAre422WithEachReasonBesideItsField() throws Exception {
        Instant start = clock.instant().plus(Duration.ofDays(5));
        Map<String, Object> wrong = new LinkedHashMap<>();
        wrong.put("title", " ");
        wrong.put("category", "no-such-category");
        wrong.put("endsAt", start.minus(Duration.ofHours(1)).toString());
        wrong.put("capacity", 0);
        send(post("/api/v1/events"), organizerToken, eventBody(wrong))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("/problems/invalid-fields"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "title", "category", "endsAt", "capacity")))
                .andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value("This field is required."));
        send(post("/api/v1/events"), organizerToken, eventBody(Map.of("price", "12.505", "timeZone", "Mars/Olympus")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "price", "timeZone")));
        send(post("/api/v1/events"), organizerToken, eventBody(Map.of("reminders", List.of("YEAR_BEFORE"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("reminders"));
    }

    @Test
    void anOrganizerChangesTheirEventAndAnotherOrganizersIsNotFound() throws Exception {
        Event event = testEvents.published(organizer, testEvents.details("Avant", "Lyon", "concert", 10, "10.00",
                Visibility.PUBLIC));
        send(put("/api/v1/events/{id}", event.getId()), organizerToken,
                eventBody(Map.of("title", "Après", "price", "14.00", "city", "Grenoble")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Après"))
                .andExpect(jsonPath("$.city").value("Grenoble"))
                .andExpect(jsonPath("$.lowestPrice").value("14.00"))
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        assertThat(ticketTypes.of(event.getId()).get(0).getPrice()).isEqualByComparingTo("14.00");

        String other = ApiTokens.accessToken(mvc, Accounts.organizer(accounts));
        send(put("/api/v1/events/{id}", event.getId()), other, eventBody(Map.of("title", "Volé")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
        for (String action : List.of("publish", "cancel", "duplicate")) {
            mvc.perform(post("/api/v1/events/{id}/" + action, event.getId()).with(bearer(other)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(delete("/api/v1/events/{id}", event.getId()).with(bearer(other)))
                .andExpect(status().isNotFound());
        mvc.perform(multipart(HttpMethod.PUT, "/api/v1/events/{id}/image", event.getId())
                        .file(Images.file("image", "p.png", "image/png", Images.png(800, 500))).with(bearer(other)))
                .andExpect(status().isNotFound());
        send(put("/api/v1/events/{id}", event.getId()), organizerToken, eventBody(Map.of("capacity", -3)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("capacity"));
        send(put("/api/v1/events/{id}", event.getId()), personal(organizer, ApiScope.READ), eventBody(Map.of()))
                .andExpect(status().isForbidden());
        assertThat(testEvents.as(organizer, () -> events.manageable(event.getId(), AccountPrincipal.of(organizer)))
                .getTitle()).isEqualTo("Après");
    }

    // State changes

    @Test
    void publishingTwiceOrCancellingTwiceIsAConflict() throws Exception {
        Event draft = testEvents.draft(organizer, testEvents.details("Vernissage", "Paris", "exhibition", 6, "0",
                Visibility.PUBLIC));
        mvc.perform(post("/api/v1/events/{id}/publish", draft.getId()).with(bearer(organizerToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.publishedAt").isString());
        mvc.perform(post("/api/v1/events/{id}/publish", draft.getId()).with(bearer(organizerToken)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("/problems/conflict"))
                .andExpect(jsonPath("$.reasons[0]").value("event.error.notADraft"));
        mvc.perform(post("/api/v1/events/{id}/cancel", draft.getId()).with(bearer(organizerToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        mvc.perform(post("/api/v1/events/{id}/cancel", draft.getId()).with(bearer(organizerToken)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reasons[0]").value("event.error.alreadyCancelled"));
        mvc.perform(post("/api/v1/events/{id}/publish", draft.getId())
                        .with(bearer(personal(organizer, ApiScope.READ))))
                .andExpect(status().isForbidden());
    }

    @Test
    void duplicatingGivesADraftCopyWithTheSameTicketTypes() throws Exception {
        Event source = testEvents.published(organizer, testEvents.details("Salon du livre", "Brest", "conference",
                12, "8.00", Visibility.PUBLIC));
        addType(source, "Réduit", "5.00");
        MvcResult copied = mvc.perform(post("/api/v1/events/{id}/duplicate", source.getId())
                        .with(bearer(organizerToken)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.title").value("Salon du livre"))
                .andExpect(jsonPath("$.lowestPrice").value("5.00"))
                .andExpect(jsonPath("$.highestPrice").value("8.00"))
                .andReturn();
        long copyId = json(copied).get("id").asLong();
        assertThat(copyId).isNotEqualTo(source.getId());
        assertThat(copied.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/v1/events/" + copyId);
        assertThat(ticketTypes.of(copyId)).extracting(type -> type.getName()).containsExactly("Standard", "Réduit");
    }

    @Test
    void anEventWithoutTicketsIsDeletedAndOneWithTicketsIsAConflict() throws Exception {
        Event empty = testEvents.draft(organizer, testEvents.details("Annulable", "Caen", "concert", 6, "0",
                Visibility.PUBLIC));
        mvc.perform(delete("/api/v1/events/{id}", empty.getId()).with(bearer(organizerToken)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/events/{id}", empty.getId()).with(bearer(organizerToken)))
                .andExpect(status().isNotFound());

        Event sold = testEvents.published(organizer, testEvents.details("Complet", "Caen", "concert", 6, "0",
                Visibility.PUBLIC));
        testEvents.register(Accounts.participant(accounts), sold.getId(),
                ticketTypes.of(sold.getId()).get(0).getId(), 1);
        mvc.perform(delete("/api/v1/events/{id}", sold.getId()).with(bearer(organizerToken)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reasons[0]").value("event.error.deleteWithTickets"));
        mvc.perform(get("/api/v1/events/{id}", sold.getId()).with(bearer(organizerToken)))
                .andExpect(status().isOk());
    }

    // The picture

    @Test
    void aPictureGoesThroughTheWebsChecks() throws Exception {
        Event event = testEvents.published(organizer, testEvents.details("Photo", "Tours", "concert", 6, "0",
                Visibility.PUBLIC));
        MvcResult uploaded = mvc.perform(multipart(HttpMethod.PUT, "/api/v1/events/{id}/image", event.getId())
                        .file(Images.file("image", "p.png", "image/png", Images.png(1200, 700)))
                        .with(bearer(organizerToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cardPictureUrl").value(org.hamcrest.Matchers.containsString(
                        "/events/" + event.getId() + "/picture/card?v=")))
                .andExpect(jsonPath("$.bannerPictureUrl").value(org.hamcrest.Matchers.containsString(
                        "/events/" + event.getId() + "/picture/banner?v=")))
                .andReturn();
        String card = json(uploaded).get("cardPictureUrl").asString();
        mvc.perform(get(card.substring(card.indexOf("/events/"))))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_JPEG));

        mvc.perform(multipart(HttpMethod.PUT, "/api/v1/events/{id}/image", event.getId())
                        .file(Images.file("image", "big.jpg", "image/jpeg", new byte[10 * 1024 * 1024 + 1]))
                        .with(bearer(organizerToken)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("image"))
                .andExpect(jsonPath("$.errors[0].message").value("The file is too large: 10 MB at most."));
        mvc.perform(multipart(HttpMethod.PUT, "/api/v1/events/{id}/image", event.getId())
                        .file(Images.file("image", "notes.png", "image/png", "not a picture".getBytes()))
                        .with(bearer(organizerToken)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("image"));
        mvc.perform(multipart(HttpMethod.PUT, "/api/v1/events/{id}/image", event.getId())
                        .with(bearer(organizerToken)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("image"))
                .andExpect(jsonPath("$.errors[0].message").value("Choose a file to upload."));
        mvc.perform(get("/api/v1/events/{id}", event.getId()).with(bearer(organizerToken)))
                .andExpect(jsonPath("$.cardPictureUrl").value(card));
    }

    @Test
    void theOpenApiDocumentListsTheEventPaths() throws Exception {
        JsonNode paths = json(mvc.perform(get("/api/v1/openapi.json")).andReturn()).get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/events", "/api/v1/events/{id}",
                "/api/v1/events/{id}/publish", "/api/v1/events/{id}/cancel", "/api/v1/events/{id}/duplicate",
                "/api/v1/events/{id}/image", "/api/v1/me/events");
        assertThat(paths.get("/api/v1/events").has("get")).isTrue();
        assertThat(paths.get("/api/v1/events").has("post")).isTrue();
        assertThat(paths.get("/api/v1/events/{id}").has("put")).isTrue();
        assertThat(paths.get("/api/v1/events/{id}").has("delete")).isTrue();
    }

    // Helpers

    private void addType(Event event, String name, String price) {
        testEvents.as(organizer, () -> ticketTypes.add(event.getId(), AccountPrincipal.of(organizer),
                new org.guichet.registration.TicketTypeDetails(name, new java.math.BigDecimal(price), 20, 4, null,
                        null)));
    }

    private String eventBody(Map<String, Object> changes) {
        Instant start = clock.instant().plus(Duration.ofDays(5));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Festival d’été");
        body.put("description", "Un **grand** festival");
        body.put("category", "concert");
        body.put("venueName", "Parc");
        body.put("city", "Nantes");
        body.put("country", "France");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(Duration.ofHours(4)).toString());
        body.put("timeZone", "Europe/Paris");
        body.put("capacity", 80);
        body.put("price", "12.50");
        body.put("currency", "EUR");
        body.put("visibility", "PUBLIC");
        body.putAll(changes);
        return JSON.writeValueAsString(body);
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        return mvc.perform(request.with(bearer(token)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private JsonNode list(String token, Map<String, String> parameters) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/v1/events").with(bearer(token));
        parameters.forEach(request::param);
        return json(mvc.perform(request).andExpect(status().isOk()).andReturn());
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("content").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private String personal(User owner, ApiScope scope) {
        return testEvents.as(owner, () -> personalTokens.create(AccountPrincipal.of(owner), "test " + scope,
                EnumSet.of(scope))).secret();
    }

    private static String uniqueCity() {
        StringBuilder city = new StringBuilder("Ville");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            city.append((char) ('a' + random.nextInt(26)));
        }
        return city.toString();
    }
}
