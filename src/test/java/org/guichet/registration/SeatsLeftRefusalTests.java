package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.Refused;
import org.guichet.support.TestEvents;
import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Asking for more than remains says how many remain; "Sold out" only when the event has no seat left, said once. */
@IntegrationTest
class SeatsLeftRefusalTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    TicketTypeRepository typeRepository;

    @Autowired
    TestEvents testEvents;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MessageSource messages;

    @Test
    void askingForFiveWhenFourOfATypeRemainSaysFourRemain() throws Exception {
        User organizer = Accounts.organizer(accounts);
        User buyer = Accounts.participant(accounts);
        Event event = testEvents.published(organizer, "Atelier reliure", "Nantes");
        long standard = ticketTypes.of(event.getId()).get(0).getId();
        jdbc.update("update ticket_types set quantity = sold + 4 where id = ?", standard);

        String page = refusedPage(event, buyer, "registration.error.fewLeft", post(event).param("qty-" + standard, "5"));
        assertThat(page).contains("Only 4 seats left for “Standard”: choose at most 4.")
                .contains("Plus que 4 places pour « Standard » : choisissez-en 4 au plus.").doesNotContain("Sold out");
        assertThat(seatsTaken(event)).isZero();
    }

    @Test
    void askingForMoreThanTheEventHasLeftAcrossTypesSaysHowManyRemainInAll() throws Exception {
        User organizer = Accounts.organizer(accounts);
        User buyer = Accounts.participant(accounts);
        Event event = testEvents.published(organizer, "Bal folk", "Rennes");
        long standard = ticketTypes.of(event.getId()).get(0).getId();
        TicketType student = typeRepository.save(new TicketType(event.getId(), "Student", BigDecimal.ZERO, 10, 3, 1));
        jdbc.update("update events set capacity = seats_taken + 3 where id = ?", event.getId());

        String page = refusedPage(event, buyer, "registration.error.fewLeftInAll",
                post(event).param("qty-" + standard, "2").param("qty-" + student.getId(), "2"));
        assertThat(page).contains("Only 3 seats left for this event: choose at most 3 in all.")
                .contains("Plus que 3 places pour cet événement : choisissez-en 3 au plus en tout.")
                .doesNotContain("Sold out");
    }

    @Test
    void soldOutOnlyWhenNoSeatIsLeftAndSaidOnceOnThePage() throws Exception {
        User organizer = Accounts.organizer(accounts);
        User buyer = Accounts.participant(accounts);
        Event event = testEvents.published(organizer, "Concert complet", "Lille");
        long standard = ticketTypes.of(event.getId()).get(0).getId();
        jdbc.update("update events set seats_taken = capacity where id = ?", event.getId());

        String page = refusedPage(event, buyer, "registration.error.soldOut", post(event).param("qty-" + standard, "1"));
        assertThat(page).contains("Sold out: every seat has been taken.", "Complet : toutes les places sont prises.");

        String plain = mvc.perform(get("/events/" + event.getId()).with(authentication(Accounts.signedIn(buyer))))
                .andReturn().getResponse().getContentAsString();
        assertThat(count(plain, "Sold out")).as("the state says sold out; the waiting list does not repeat it")
                .isEqualTo(1);
        assertThat(plain).contains("Join the waiting list: if a seat frees up");
    }

    private MockHttpServletRequestBuilder post(Event event) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/events/" + event.getId() + "/register").with(csrf());
    }

    /**
     * Posts the choice, checks the refusal flashed for the event page it leads back to, and returns its words as the
     * page's refusal fragment renders them ({@code #messages.msgWithParams(key, arguments)}), in English and French.
     */
    private String refusedPage(Event event, User buyer, String key, MockHttpServletRequestBuilder request)
            throws Exception {
        MvcResult refused = mvc.perform(request.with(authentication(Accounts.signedIn(buyer))))
                .andExpect(redirectedUrl("/events/" + event.getId() + "#register"))
                .andExpect(Refused.flashed(key)).andReturn();
        Refusal.Reason reason = (Refusal.Reason) ((List<?>) refused.getFlashMap().get(Refusals.ATTRIBUTE)).get(0);
        return messages.getMessage(reason.messageKey(), reason.arguments(), Locale.ENGLISH) + "\n"
                + messages.getMessage(reason.messageKey(), reason.arguments(), Locale.FRENCH);
    }

    private int seatsTaken(Event event) {
        return jdbc.queryForObject("select seats_taken from events where id = ?", Integer.class, event.getId());
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }
}
