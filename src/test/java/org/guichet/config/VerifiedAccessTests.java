package org.guichet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.Locale;

import org.guichet.account.AccountService;
import org.guichet.account.Role;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.event.EventStatus;
import org.guichet.event.Visibility;
import org.guichet.registration.Order;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Until its address is proved an account browses and edits its profile; everything else that commits someone
 * (registering, the waiting list, paying, organising, inviting, invitations) is refused with the page that asks to
 * confirm the address, and allowed as soon as it is confirmed, in the same session.
 */
@IntegrationTest
class VerifiedAccessTests {

    private static final String VERIFY_FIRST = SecurityConfig.VERIFICATION_REQUIRED;

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    EventService events;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aParticipantRegistersJoinsAWaitingListAndPaysOnlyOnceVerified() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event free = testEvents.published(organizer, "Atelier vélo", "Nantes");
        Event paid = testEvents.published(organizer, testEvents.details("Concert", "Nantes", "concert", 9, "12.50",
                Visibility.PUBLIC));
        Event full = testEvents.published(organizer, TestEvents.withCapacity(testEvents.details("Complet", "Nantes",
                "conference", 9, "0", Visibility.PUBLIC), 1));
        testEvents.register(Accounts.participant(accounts), full.getId(), typeOf(full), 1);
        Order someoneElses = testEvents.register(Accounts.participant(accounts), paid.getId(), typeOf(paid), 1);

        User user = Accounts.unverifiedParticipant(accounts);
        Authentication before = Accounts.signedIn(user);
        refused(post("/events/" + free.getId() + "/register").param("qty-" + typeOf(free), "1"), before);
        refused(get("/events/" + free.getId() + "/register").param("qty-" + typeOf(free), "1"), before);
        refused(post("/events/" + paid.getId() + "/register").param("qty-" + typeOf(paid), "1"), before);
        refused(post("/events/" + full.getId() + "/waitlist"), before);
        refused(get("/orders/" + someoneElses.getId() + "/pay"), before);
        refused(post("/orders/" + someoneElses.getId() + "/pay"), before);
        // what it may do: browse and edit its profile
        mvc.perform(get("/events/" + free.getId()).with(authentication(before))).andExpect(status().isOk());
        mvc.perform(get("/account").with(authentication(before))).andExpect(status().isOk());
        mvc.perform(post("/account/profile").with(csrf()).with(authentication(before))
                .param("firstName", "Léa").param("lastName", "Petit").param("preferredLanguage", "fr"))
                .andExpect(redirectedUrl("/account"));
        assertThat(jdbc.queryForObject("select count(*) from orders where user_id = ?", Long.class, user.getId()))
                .isZero();

        Accounts.verified(user);
        // the very same (stale) session principal: refreshed from the account before access is decided
        mvc.perform(post("/events/" + free.getId() + "/register").with(csrf()).with(authentication(before))
                .param("qty-" + typeOf(free), "1")).andExpect(redirectedUrl("/tickets"));
        mvc.perform(post("/events/" + full.getId() + "/waitlist").with(csrf()).with(authentication(before)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/events/" + paid.getId() + "/register").with(csrf()).with(authentication(before))
                .param("qty-" + typeOf(paid), "1")).andExpect(redirectedUrlPattern("/sandbox/checkout/*"));
        long held = jdbc.queryForObject("select id from orders where user_id = ? and event_id = ?", Long.class,
                user.getId(), paid.getId());
        mvc.perform(get("/orders/" + held + "/pay").with(authentication(before))).andExpect(status().isOk());
    }

    @Test
    void anOrganizerCreatesPublishesManagesTicketsAndInvitesOnlyOnceVerified() throws Exception {
        User someoneElse = Accounts.organizer(accounts);
        Event notTheirs = testEvents.published(someoneElse, "Salon", "Lille");
        User organizer = Accounts.signUpUnverified(accounts, Accounts.uniqueEmail("organizer"),
                EnumSet.of(Role.ORGANIZER), Locale.ENGLISH);
        Authentication before = Accounts.signedIn(organizer);

        refused(get("/dashboard"), before);
        refused(get("/dashboard/events/new"), before);
        refused(post("/dashboard/events/new").param("title", "Mon événement"), before);
        // the page asks to confirm the address, whatever the event: it says nothing about the event
        refused(post("/dashboard/events/" + notTheirs.getId() + "/publish"), before);
        refused(get("/dashboard/events/" + notTheirs.getId() + "/edit"), before);
        refused(get("/dashboard/events/" + notTheirs.getId() + "/tickets"), before);
        refused(post("/dashboard/events/" + notTheirs.getId() + "/invitations").param("email", "a@b.org"), before);

        User verified = Accounts.verified(organizer);
        mvc.perform(get("/dashboard/events/new").with(authentication(before))).andExpect(status().isOk());
        Event draft = testEvents.draft(verified, testEvents.details("Atelier", "Lille", "workshop", 9, "0",
                Visibility.PRIVATE));
        mvc.perform(get("/dashboard/events/" + draft.getId() + "/tickets").with(authentication(before)))
                .andExpect(status().isOk());
        mvc.perform(post("/dashboard/events/" + draft.getId() + "/publish").with(csrf()).with(authentication(before)))
                .andExpect(status().is3xxRedirection());
        assertThat(events.get(draft.getId()).getStatus()).isEqualTo(EventStatus.PUBLISHED);
        mvc.perform(post("/dashboard/events/" + draft.getId() + "/invitations").with(csrf())
                .with(authentication(before)).param("email", Accounts.uniqueEmail("guest")))
                .andExpect(status().is3xxRedirection());
        // someone else's event stays as unknown as ever
        mvc.perform(get("/dashboard/events/" + notTheirs.getId() + "/edit").with(authentication(before)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aParticipantWhoIsNoOrganizerIsNotAskedToVerifyForTheDashboard() throws Exception {
        User participant = Accounts.unverifiedParticipant(accounts);
        mvc.perform(get("/dashboard").with(authentication(Accounts.signedIn(participant))))
                .andExpect(status().isForbidden())
                .andExpect(result -> assertThat(result.getResponse().getForwardedUrl()).isNull());
    }

    private ResultActions refused(MockHttpServletRequestBuilder request, Authentication user) throws Exception {
        return mvc.perform(request.with(csrf()).with(authentication(user)))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl(VERIFY_FIRST));
    }

    private long typeOf(Event event) {
        return ticketTypes.of(event.getId()).get(0).getId();
    }
}
