package org.guichet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.support.ApiTokens.bearer;
import static org.guichet.support.ApiTokens.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.ApiScope;
import org.guichet.account.PersonalTokens;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.event.Event;
import org.guichet.event.Visibility;
import org.guichet.registration.CheckInResult;
import org.guichet.registration.CheckIns;
import org.guichet.registration.Order;
import org.guichet.registration.ParticipantOrders;
import org.guichet.registration.Ticket;
import org.guichet.registration.TicketTypeDetails;
import org.guichet.registration.TicketTypes;
import org.guichet.registration.WaitingLists;
import org.guichet.support.Accounts;
import org.guichet.support.ApiTokens;
import org.guichet.support.IntegrationTest;
import org.guichet.support.SandboxPayments;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;

/**
 * The organizer's API resources of one event: its attendees (and their CSV, the dashboard's own export), its
 * figures and its waiting list, built from real registrations, a sandbox payment and a check-in; who may read them
 * (the organizer, an administrator; another organizer and a participant are told the event does not exist) and how
 * bad parameters are answered.
 */
@IntegrationTest
class ApiOrganizerTests {

    private static final String PROBLEM = "application/problem+json";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    ParticipantOrders registrations;

    @Autowired
    CheckIns checkIns;

    @Autowired
    WaitingLists waitingLists;

    @Autowired
    PersonalTokens personalTokens;

    @Autowired
    Clock clock;

    @Value("${guichet.payments.sandbox.webhook-secret}")
    String secret;

    User organizer;
    Event event;
    Order zoe;
    Order adele;
    Order lea;
    String token;
    String base;

    /**
     * Zoé: one free ticket, checked in. Adèle: two VIP tickets at 30.00, paid through the sandbox, one named with a
     * formula. Léa: one VIP ticket, held unpaid.
     */
    @BeforeEach
    void mixedEvent() throws Exception {
        organizer = Accounts.organizer(accounts);
        event = testEvents.published(organizer, testEvents.details("Forum API " + System.nanoTime(), "Brest",
                "conference", 12, "0", Visibility.PUBLIC));
        long free = ticketTypes.of(event.getId()).get(0).getId();
        long vip = testEvents.as(organizer, () -> ticketTypes.add(event.getId(), AccountPrincipal.of(organizer),
                new TicketTypeDetails("VIP", new BigDecimal("30.00"), 20, 5, null, null))).getId();
        User zoeBuyer = buyer("Zoé", "Martin");
        zoe = testEvents.register(zoeBuyer, event.getId(), free, 1);
        User adeleBuyer = buyer("Adèle", "Bernard");
        adele = testEvents.register(adeleBuyer, event.getId(), vip, 2);
        new SandboxPayments(mvc, secret, clock).pay(adele);
        Ticket named = testEvents.as(adeleBuyer, () -> registrations.ticketsOf(AccountPrincipal.of(adeleBuyer)))
                .stream().findFirst().orElseThrow();
        testEvents.as(adeleBuyer, () -> registrations.nameAttendee(AccountPrincipal.of(adeleBuyer), named.getId(),
                "=HYPERLINK(\"http://evil.example\",\"x\")"));
        lea = testEvents.register(buyer("Léa", "Roux"), event.getId(), vip, 1);
        long zoeTicket = testEvents.as(zoeBuyer, () -> registrations.ticketsOf(AccountPrincipal.of(zoeBuyer)))
                .get(0).getId();
        CheckInResult checkedIn = testEvents.as(organizer, () -> checkIns.checkInChosen(event.getId(),
                AccountPrincipal.of(organizer), zoeTicket));
        assertThat(checkedIn.outcome()).isEqualTo(CheckInResult.Outcome.CHECKED_IN);
        token = ApiTokens.accessToken(mvc, organizer);
        base = "/api/v1/events/" + event.getId();
    }

    @Test
    void attendeesAreSearchedFilteredSortedAndPagedAsOnTheDashboard() throws Exception {
        JsonNode all = json(mvc.perform(get(base + "/attendees").param("sort", "name").with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(4))
                .andExpect(jsonPath("$.page.size").value(20))
                .andExpect(jsonPath("$.page.totalPages").value(1))
                .andReturn());
        assertThat(names(all)).containsExactly("=HYPERLINK(\"http://evil.example\",\"x\")", "Adèle Bernard",
                "Léa Roux", "Zoé Martin");
        JsonNode zoeLine = all.get("content").get(3);
        assertThat(zoeLine.get("paymentStatus").asString()).isEqualTo("FREE");
        assertThat(zoeLine.get("checkedIn").asBoolean()).isTrue();
        assertThat(zoeLine.get("checkedInAt").asString()).endsWith("Z");
        assertThat(zoeLine.get("orderReference").asString()).isEqualTo(zoe.getReference());
        assertThat(all.get("content").get(2).get("orderStatus").asString()).isEqualTo("PENDING_PAYMENT");

        assertThat(names(list(Map.of("sort", "name", "dir", "desc"))))
                .containsExactly("Zoé Martin", "Léa Roux", "Adèle Bernard", "=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(names(list(Map.of("payment", "PAID")))).hasSize(2)
                .allMatch(name -> name.equals("Adèle Bernard") || name.startsWith("=HYPERLINK"));
        assertThat(names(list(Map.of("payment", "pending")))).containsExactly("Léa Roux");
        assertThat(names(list(Map.of("checkin", "in")))).containsExactly("Zoé Martin");
        assertThat(names(list(Map.of("checkin", "out", "payment", "FREE")))).isEmpty();
        assertThat(names(list(Map.of("q", lea.getReference().toLowerCase())))).containsExactly("Léa Roux");
        assertThat(names(list(Map.of("sort", "checked-in", "dir", "desc")))).hasSize(4);

        JsonNode second = list(Map.of("sort", "name", "size", "3", "page", "1"));
        assertThat(names(second)).containsExactly("Zoé Martin");
        assertThat(second.get("page").get("totalElements").asLong()).isEqualTo(4);
        assertThat(second.get("page").get("totalPages").asInt()).isEqualTo(2);
        assertThat(names(list(Map.of("page", "5")))).isEmpty();
    }

    @Test
    void theCsvIsTheDashboardsExportOneLinePerTicketWithFormulasNeutralised() throws Exception {
        MvcResult result = mvc.perform(get(base + "/attendees.csv").param("sort", "name").with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                        org.hamcrest.Matchers.containsString("attendees-" + event.getId())))
                .andReturn();
        byte[] bytes = result.getResponse().getContentAsByteArray();
        assertThat(bytes).startsWith(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String csv = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("Name,Email,Ordered,Ticket type,Order,Payment,Reference,Checked in");
        assertThat(lines.get(1)).startsWith("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
        assertThat(lines).noneMatch(line -> line.startsWith("=") || line.startsWith("\"="));
        assertThat(csv).contains("Zoé Martin", "Léa Roux", adele.getReference(), "Awaiting payment");

        String filtered = mvc.perform(get(base + "/attendees.csv").param("checkin", "in").with(bearer(token))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(filtered.lines().toList()).hasSize(2);
        assertThat(filtered.lines().findFirst().orElseThrow()).startsWith("\uFEFFNom");
        assertThat(filtered).contains("Zoé Martin").doesNotContain("Léa Roux");
    }

    @Test
    void figuresAreTheDashboardsNumbersWithMoneyAsDecimalStrings() throws Exception {
        JsonNode figures = json(mvc.perform(get(base + "/figures").with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(header().exists(HttpHeaders.ETAG))
                .andReturn());
        assertThat(figures.get("eventId").asLong()).isEqualTo(event.getId());
        assertThat(figures.get("timeZone").asString()).isEqualTo("Europe/Paris");
        assertThat(figures.get("registrations").asLong()).as("Zoé's and Adèle's orders").isEqualTo(2);
        assertThat(figures.get("ordersAwaitingPayment").asLong()).isEqualTo(1);
        assertThat(figures.get("ticketsSold").asLong()).isEqualTo(3);
        assertThat(figures.get("ticketsHeld").asLong()).isEqualTo(1);
        assertThat(figures.get("checkedIn").asLong()).isEqualTo(1);
        assertThat(figures.get("waiting").asLong()).isZero();
        JsonNode euros = figures.get("revenue").get(0);
        assertThat(euros.get("currency").asString()).isEqualTo("EUR");
        assertThat(euros.get("gross").isString()).isTrue();
        assertThat(new BigDecimal(euros.get("gross").asString())).isEqualByComparingTo("60.00");
        assertThat(new BigDecimal(euros.get("refunded").asString())).isEqualByComparingTo("0");
        assertThat(new BigDecimal(euros.get("net").asString())).isEqualByComparingTo("60.00");
        JsonNode days = figures.get("days");
        assertThat(days.size()).isGreaterThanOrEqualTo(1);
        JsonNode today = days.get(days.size() - 1);
        assertThat(today.get("registrations").asLong()).isEqualTo(2);
        assertThat(new BigDecimal(today.get("gross").get("EUR").asString())).isEqualByComparingTo("60.00");

        String tag = mvc.perform(get(base + "/figures").with(bearer(token))).andReturn().getResponse()
                .getHeader(HttpHeaders.ETAG);
        mvc.perform(get(base + "/figures").with(bearer(token)).header(HttpHeaders.IF_NONE_MATCH, tag))
                .andExpect(status().isNotModified());
    }

    @Test
    void theWaitingListShowsWhoWaitsInQueueOrderAndTheSeatHeld() throws Exception {
        Event full = testEvents.published(organizer, TestEvents.withCapacity(testEvents.details(
                "Concert API " + System.nanoTime(), "Nantes", "concert", 10, "0", Visibility.PUBLIC), 1));
        long type = ticketTypes.of(full.getId()).get(0).getId();
        User holder = Accounts.participant(accounts);
        Order held = testEvents.register(holder, full.getId(), type, 1);
        User first = buyer("Inès", "Premier");
        User second = buyer("Hugo", "Second");
        testEvents.as(first, () -> waitingLists.join(AccountPrincipal.of(first), full.getId(), null, null));
        testEvents.as(second, () -> waitingLists.join(AccountPrincipal.of(second), full.getId(), null, null));
        String waitingList = "/api/v1/events/" + full.getId() + "/waiting-list";

        JsonNode waiting = json(mvc.perform(get(waitingList).with(bearer(token))).andExpect(status().isOk())
                .andReturn());
        assertThat(waiting.get("page").get("totalElements").asLong()).isEqualTo(2);
        assertThat(waiting.get("content").get(0).get("name").asString()).isEqualTo("Inès Premier");
        assertThat(waiting.get("content").get(0).get("email").asString()).isEqualTo(first.getEmail());
        assertThat(waiting.get("content").get(0).get("status").asString()).isEqualTo("WAITING");
        assertThat(waiting.get("content").get(0).get("position").asInt()).isEqualTo(1);
        assertThat(waiting.get("content").get(1).get("position").asInt()).isEqualTo(2);

        testEvents.as(holder, () -> {
            registrations.cancel(AccountPrincipal.of(holder), held.getId());
            return null;
        });
        JsonNode offered = json(mvc.perform(get(waitingList).with(bearer(token))).andReturn());
        JsonNode ines = offered.get("content").get(0);
        assertThat(ines.get("status").asString()).isEqualTo("OFFERED");
        assertThat(ines.get("offeredType").asString()).isNotBlank();
        assertThat(ines.get("offeredUntil").asString()).endsWith("Z");
        assertThat(offered.get("content").get(1).get("offeredUntil").isNull()).isTrue();

        JsonNode secondPage = json(mvc.perform(get(waitingList).param("size", "1").param("page", "1")
                .with(bearer(token))).andExpect(status().isOk()).andReturn());
        assertThat(secondPage.get("content").get(0).get("name").asString()).isEqualTo("Hugo Second");
        assertThat(secondPage.get("content").get(0).get("position").asInt()).isEqualTo(2);
        assertThat(secondPage.get("page").get("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void onlyTheOrganizerAndAnAdminReadThemOthersAreToldTheEventDoesNotExist() throws Exception {
        String rival = ApiTokens.accessToken(mvc, Accounts.organizer(accounts));
        String participant = ApiTokens.accessToken(mvc, Accounts.participant(accounts));
        String admin = ApiTokens.accessToken(mvc, Accounts.admin(users, passwordEncoder));
        String checkinOnly = testEvents.as(organizer, () -> personalTokens.create(AccountPrincipal.of(organizer),
                "door", EnumSet.of(ApiScope.CHECKIN))).secret();
        String readOnly = testEvents.as(organizer, () -> personalTokens.create(AccountPrincipal.of(organizer),
                "reports", EnumSet.of(ApiScope.READ))).secret();
        for (String path : List.of(base + "/attendees", base + "/attendees.csv", base + "/figures",
                base + "/waiting-list")) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM));
            mvc.perform(get(path).with(bearer(checkinOnly))).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("/problems/forbidden"));
            mvc.perform(get(path).with(bearer(rival))).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value("/problems/not-found"));
            mvc.perform(get(path).with(bearer(participant))).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value("/problems/not-found"));
            mvc.perform(get(path).with(bearer(readOnly))).andExpect(status().isOk());
            mvc.perform(get(path).with(bearer(admin))).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/events/{id}/figures", Long.MAX_VALUE).with(bearer(token)))
                .andExpect(status().isNotFound());
        mvc.perform(get(base + "/attendees.csv").with(bearer(rival)).header(HttpHeaders.ACCEPT, "text/csv"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void badSortsFiltersAndPagesAreRefusedInTheRequestsLanguage() throws Exception {
        for (Map<String, String> bad : List.of(Map.of("sort", "password"), Map.of("dir", "sideways"),
                Map.of("payment", "STOLEN"), Map.of("checkin", "maybe"), Map.of("size", "101"),
                Map.of("page", "-1"))) {
            for (String path : List.of(base + "/attendees", base + "/attendees.csv")) {
                var request = get(path).with(bearer(token));
                bad.forEach(request::param);
                String field = bad.keySet().iterator().next();
                if (path.endsWith(".csv") && (field.equals("size") || field.equals("page"))) {
                    continue;
                }
                mvc.perform(request)
                        .andExpect(status().isBadRequest())
                        .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                        .andExpect(jsonPath("$.type").value("/problems/bad-request"))
                        .andExpect(jsonPath("$.errors[0].field").value(field));
            }
        }
        mvc.perform(get(base + "/waiting-list").param("size", "101").with(bearer(token)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get(base + "/attendees").param("sort", "password").with(bearer(token))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Requête incorrecte"))
                .andExpect(jsonPath("$.errors[0].field").value("sort"))
                .andExpect(jsonPath("$.errors[0].message").value("Cette valeur est illisible."));
        mvc.perform(get(base + "/figures").with(bearer(ApiTokens.accessToken(mvc, Accounts.organizer(accounts))))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Introuvable"));
    }

    @Test
    void theOpenApiDocumentListsTheOrganizersPaths() throws Exception {
        JsonNode paths = json(mvc.perform(get("/api/v1/openapi.json")).andExpect(status().isOk()).andReturn())
                .get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/events/{id}/attendees", "/api/v1/events/{id}/attendees.csv",
                "/api/v1/events/{id}/figures", "/api/v1/events/{id}/waiting-list");
        List<String> sorts = new ArrayList<>();
        paths.get("/api/v1/events/{id}/attendees").get("get").get("parameters").forEach(parameter -> {
            if (parameter.get("name").asString().equals("sort")) {
                parameter.get("schema").get("enum").forEach(value -> sorts.add(value.asString()));
            }
        });
        assertThat(sorts).as("the sort values the API reads").containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(org.guichet.registration.AttendeeQuery.Sort.values())
                        .map(org.guichet.registration.AttendeeQuery.Sort::parameter).toList());
    }

    private User buyer(String firstName, String lastName) {
        User user = Accounts.participant(accounts);
        return testEvents.as(user, () -> accounts.updateProfile(user.getId(), firstName, lastName,
                java.util.Locale.ENGLISH));
    }

    private JsonNode list(Map<String, String> parameters) throws Exception {
        var request = get(base + "/attendees").with(bearer(token));
        parameters.forEach(request::param);
        return json(mvc.perform(request).andExpect(status().isOk()).andReturn());
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("content").forEach(line -> names.add(line.get("name").asString()));
        return names;
    }
}
