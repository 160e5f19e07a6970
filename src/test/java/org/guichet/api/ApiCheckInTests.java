package org.guichet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.support.ApiTokens.bearer;
import static org.guichet.support.ApiTokens.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Base64;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.ApiScope;
import org.guichet.account.PersonalTokens;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.Visibility;
import org.guichet.registration.Order;
import org.guichet.registration.ParticipantOrders;
import org.guichet.registration.Ticket;
import org.guichet.registration.TicketSigner;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.ApiTokens;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;

/**
 * Scanning apps at the door: the door page's verdicts through the API with a {@code checkin} token, undo, and the
 * offline check-in list with its changes since the last download.
 */
@IntegrationTest
class ApiCheckInTests {

    private static final String PROBLEM = "application/problem+json";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    ParticipantOrders registrations;

    @Autowired
    PersonalTokens personalTokens;

    @Autowired
    TicketSigner signer;

    @Autowired
    MutableClock clock;

    @Test
    void aCheckInTokenChecksACodeInOnceThenAConflictSaysSinceWhenAndUndoLetsItInAgain() throws Exception {
        User owner = Accounts.organizer(accounts);
        Event event = event(owner);
        Ticket ticket = tickets(Accounts.participant(accounts), event, 1).get(0);
        String token = personal(owner, ApiScope.CHECKIN);
        String code = signer.sign(ticket.getId(), event.getId(), ticket.getSecret());

        mvc.perform(scan(event, code, token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("CHECKED_IN"))
                .andExpect(jsonPath("$.admitted").value(true))
                .andExpect(jsonPath("$.ticketId").value(ticket.getId()))
                .andExpect(jsonPath("$.holderName").value(ticket.getAttendeeName()))
                .andExpect(jsonPath("$.message").value("Welcome in"));
        mvc.perform(scan(event, code, token))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("/problems/conflict"))
                .andExpect(jsonPath("$.verdict.outcome").value("ALREADY_CHECKED_IN"))
                .andExpect(jsonPath("$.verdict.admitted").value(false))
                .andExpect(jsonPath("$.verdict.checkedInAt").exists());

        mvc.perform(delete("/api/v1/events/" + event.getId() + "/checkins/" + ticket.getId()).with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("UNDONE"));
        mvc.perform(scan(event, code, token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("CHECKED_IN"));
    }

    @Test
    void theDoorsOtherVerdictsComeAsTheyAre() throws Exception {
        User owner = Accounts.organizer(accounts);
        Event event = event(owner);
        Event other = event(owner);
        User buyer = Accounts.participant(accounts);
        Ticket elsewhere = tickets(buyer, other, 1).get(0);
        String token = personal(owner, ApiScope.CHECKIN);

        mvc.perform(scan(event, signer.sign(elsewhere.getId(), other.getId(), elsewhere.getSecret()), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("WRONG_EVENT"))
                .andExpect(jsonPath("$.admitted").value(false));
        mvc.perform(scan(event, "G1.forged", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("INVALID"));
        mvc.perform(scan(event, "", token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(delete("/api/v1/events/" + event.getId() + "/checkins/" + elsewhere.getId()).with(bearer(token)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aReadTokenMayNotCheckInAndAnotherOrganizersEventDoesNotExist() throws Exception {
        User owner = Accounts.organizer(accounts);
        Event event = event(owner);
        Ticket ticket = tickets(Accounts.participant(accounts), event, 1).get(0);
        String code = signer.sign(ticket.getId(), event.getId(), ticket.getSecret());

        mvc.perform(scan(event, code, personal(owner, ApiScope.READ)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        User stranger = Accounts.organizer(accounts);
        String strangers = personal(stranger, ApiScope.CHECKIN);
        mvc.perform(scan(event, code, strangers))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/events/" + event.getId() + "/checkin-list").with(bearer(strangers)))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/events/" + event.getId() + "/checkins/" + ticket.getId())
                        .with(bearer(strangers)))
                .andExpect(status().isNotFound());
        // nothing happened: the owner's first scan lets the ticket in
        mvc.perform(scan(event, code, personal(owner, ApiScope.CHECKIN)))
                .andExpect(jsonPath("$.outcome").value("CHECKED_IN"));
    }

    @Test
    void theCheckInListHoldsDigestsNotSecretsAndSinceGivesOnlyWhatChanged() throws Exception {
        User owner = Accounts.organizer(accounts);
        Event event = event(owner);
        User buyer = Accounts.participant(accounts);
        List<Ticket> bought = tickets(buyer, event, 3);
        User canceller = Accounts.participant(accounts);
        Order cancelledLater = testEvents.register(canceller, event.getId(), standard(event), 1);
        String token = personal(owner, ApiScope.CHECKIN);
        clock.advance(Duration.ofMinutes(5));

        MvcResult full = mvc.perform(get("/api/v1/events/" + event.getId() + "/checkin-list").with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complete").value(true))
                .andExpect(jsonPath("$.count").value(4))
                .andExpect(jsonPath("$.tickets[0].ticketId").value(bought.get(0).getId()))
                .andExpect(jsonPath("$.tickets[0].status").value("VALID"))
                .andExpect(jsonPath("$.tickets[0].admits").value(true))
                .andExpect(jsonPath("$.tickets[0].holderName").value(buyer.getFullName()))
                .andExpect(jsonPath("$.tickets[0].ticketType").exists())
                .andExpect(jsonPath("$.tickets[0].checkedInAt").doesNotExist())
                .andReturn();
        String body = full.getResponse().getContentAsString();
        for (Ticket ticket : bought) {
            assertThat(body).doesNotContain(ticket.getSecret());
        }
        String code = signer.sign(bought.get(1).getId(), event.getId(), bought.get(1).getSecret());
        byte[] decoded = Base64.getUrlDecoder().decode(code.substring("G1.".length()));
        String scannedDigest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Arrays.copyOfRange(decoded, 16, 28)));
        assertThat(json(full).get("tickets").get(1).get("secretSha256").asString())
                .as("an app matches a scanned code's secret by its digest").isEqualTo(scannedDigest);
        String since = json(full).get("nextSince").asString();

        clock.advance(Duration.ofMinutes(5));
        mvc.perform(get("/api/v1/events/" + event.getId() + "/checkin-list").param("since", since)
                        .with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complete").value(false))
                .andExpect(jsonPath("$.count").value(0));

        mvc.perform(scan(event, code, token)).andExpect(jsonPath("$.outcome").value("CHECKED_IN"));
        testEvents.as(canceller, () -> registrations.cancel(AccountPrincipal.of(canceller), cancelledLater.getId()));

        clock.advance(Duration.ofMinutes(5));
        MvcResult changed = mvc.perform(get("/api/v1/events/" + event.getId() + "/checkin-list")
                        .param("since", since).with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(2))
                .andExpect(jsonPath("$.tickets[0].ticketId").value(bought.get(1).getId()))
                .andExpect(jsonPath("$.tickets[0].checkedInAt").exists())
                .andExpect(jsonPath("$.tickets[1].status").value("CANCELLED"))
                .andExpect(jsonPath("$.tickets[1].admits").value(false))
                .andReturn();
        String next = json(changed).get("nextSince").asString();

        clock.advance(Duration.ofMinutes(5));
        mvc.perform(delete("/api/v1/events/" + event.getId() + "/checkins/" + bought.get(1).getId())
                .with(bearer(token))).andExpect(status().isOk());
        testEvents.as(buyer, () -> registrations.nameAttendee(AccountPrincipal.of(buyer), bought.get(2).getId(),
                "Katherine Johnson"));
        mvc.perform(get("/api/v1/events/" + event.getId() + "/checkin-list").param("since", next)
                        .with(bearer(token)))
                .andExpect(jsonPath("$.count").value(2))
                .andExpect(jsonPath("$.tickets[0].ticketId").value(bought.get(1).getId()))
                .andExpect(jsonPath("$.tickets[0].checkedInAt").doesNotExist())
                .andExpect(jsonPath("$.tickets[1].ticketId").value(bought.get(2).getId()))
                .andExpect(jsonPath("$.tickets[1].holderName").value("Katherine Johnson"));
        // a second device that downloaded the first list catches up on everything at once
        mvc.perform(get("/api/v1/events/" + event.getId() + "/checkin-list").param("since", since)
                        .with(bearer(token)))
                .andExpect(jsonPath("$.count").value(3));
        mvc.perform(get("/api/v1/events/" + event.getId() + "/checkin-list").param("since", "yesterday")
                        .with(bearer(token)))
                .andExpect(status().isBadRequest());
    }

    private org.springframework.test.web.servlet.RequestBuilder scan(Event event, String code, String token) {
        return post("/api/v1/events/" + event.getId() + "/checkins").with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + code + "\"}");
    }

    private List<Ticket> tickets(User buyer, Event event, int count) {
        Order order = testEvents.register(buyer, event.getId(), standard(event), count);
        return new ArrayList<>(testEvents.as(buyer, () -> registrations.ownOrder(AccountPrincipal.of(buyer),
                order.getId()).getTickets()));
    }

    private Event event(User owner) {
        return testEvents.published(owner, testEvents.details("API door", "Lille", "concert", 10, "0",
                Visibility.PUBLIC));
    }

    private long standard(Event event) {
        return ticketTypes.of(event.getId()).get(0).getId();
    }

    private String personal(User owner, ApiScope scope) {
        return testEvents.as(owner, () -> personalTokens.create(AccountPrincipal.of(owner), "door " + scope,
                EnumSet.of(scope))).secret();
    }
}
