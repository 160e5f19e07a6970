package org.guichet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.Visibility;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.StatementCounter;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The pages a rush hits run a fixed, small number of SQL statements, whatever the number of events, and a visitor's
 * views write nothing. Counted on the JDBC connection, with the visitors' page cache off (as in every MockMvc test),
 * so these are the statements of a page rendered anew.
 */
@IntegrationTest
class PublicPagesStatementsTests {

    private static final Logger log = LoggerFactory.getLogger(PublicPagesStatementsTests.class);

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    TestEvents events;
    @Autowired
    TicketTypes ticketTypes;

    @Test
    void theListingRunsTheSameStatementsForOneEventAndForAFullPageOfThem() throws Exception {
        User organizer = Accounts.organizer(accounts);
        String lonely = "Seule" + System.nanoTime();
        String crowded = "Pleine" + System.nanoTime();
        events.published(organizer, events.details("Alone", lonely, "concert", 5, "0", Visibility.PUBLIC));
        for (int i = 0; i < 30; i++) {
            events.published(organizer, events.details("Crowd " + i, crowded, i % 2 == 0 ? "concert" : "workshop",
                    3 + i, i % 3 == 0 ? "12.00" : "0", Visibility.PUBLIC));
        }

        List<String> one = visitorStatements(get("/events").param("city", lonely));
        List<String> full = visitorStatements(get("/events").param("city", crowded));
        List<String> secondPage = visitorStatements(get("/events").param("city", crowded).param("page", "2"));

        // the page of events (prices and types counted in the same query), their number (not asked when the first
        // page holds them all), the categories to filter by
        assertThat(one).hasSize(2);
        assertThat(full).hasSameSizeAs(secondPage).hasSize(3);
    }

    @Test
    void homeAndAnEventsPageRunAFewReadsForAVisitor() throws Exception {
        Event event = events.published(Accounts.organizer(accounts), "Read by visitors", "Nancy");

        List<String> home = visitorStatements(get("/"));
        List<String> page = visitorStatements(get("/events/" + event.getId()));

        // the next public events
        assertThat(home).hasSize(1);
        // the event, its ticket types, the waiting list's length
        assertThat(page).hasSizeLessThanOrEqualTo(4);
    }

    /**
     * A free registration, the flash sale's request: a fixed number of statements, the two guarded seat updates
     * the last writes before the commit so the event's row is held as briefly as can be.
     */
    @Test
    void aFreeRegistrationRunsAFixedNumberOfStatementsEndingWithTheSeatUpdates() throws Exception {
        Event event = events.published(Accounts.organizer(accounts), "Sold in a rush", "Nancy");
        long type = ticketTypes.of(event.getId()).get(0).getId();
        User buyer = Accounts.participant(accounts);

        List<String> run = StatementCounter.statements(() -> mvc.perform(post("/events/" + event.getId()
                + "/register").param("qty-" + type, "1").with(csrf()).with(authentication(Accounts.signedIn(buyer))))
                .andExpect(status().is3xxRedirection()));
        log.info("A free registration ran {} statements:\n  {}", run.size(), String.join("\n  ", run));

        List<String> registration = run.stream().filter(sql -> !sql.contains("SPRING_SESSION")).toList();
        assertThat(registration.subList(registration.size() - 2, registration.size())).as("the last writes")
                .allSatisfy(sql -> assertThat(sql).containsAnyOf("update events", "update ticket_types"));
        // the event, the buyer's roles, the ticket types; the buyer's lock, holds and tickets; the order, its ticket,
        // two audit lines, the organizer's webhook endpoints that want the order, the mail and its two attachments;
        // the two seat counters. Then the session keeps the message for the next page.
        assertThat(registration).hasSize(16);
    }

    /**
     * The statements of a visitor's view, those of the session store aside: once a test of the shared context has
     * posted {@code with(csrf())}, Spring Security's test support keeps CSRF tokens in the session for every later
     * MockMvc request. That no visitor gets a session is shown over real HTTP, in {@link SessionsTests}.
     */
    private List<String> visitorStatements(MockHttpServletRequestBuilder page) throws Exception {
        // a visitor, whatever another test left signed in on this thread
        MockHttpServletRequestBuilder request = page.with(anonymous());
        mvc.perform(request).andExpect(status().isOk());
        List<String> run = StatementCounter.statements(() -> mvc.perform(request).andExpect(status().isOk()))
                .stream().filter(sql -> !sql.contains("SPRING_SESSION")).toList();
        log.info("A visitor's view ran {} statements:\n  {}", run.size(), String.join("\n  ", run));
        assertThat(run).as("a visitor's view writes nothing").allMatch(PublicPagesStatementsTests::isRead);
        return run;
    }

    private static boolean isRead(String sql) {
        return sql.strip().toLowerCase(Locale.ROOT).startsWith("select");
    }
}
