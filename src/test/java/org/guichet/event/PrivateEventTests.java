package org.guichet.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.TestEvents;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class PrivateEventTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents testEvents;

    @Autowired
    EventRepository events;

    @Autowired
    TestMail mail;

    @Test
    void isNeverListedNorSearchedNorShownWithoutAccess() throws Exception {
        User organizer = Accounts.organizer(accounts);
        String city = "Secretville" + System.nanoTime();
        Event secret = testEvents.published(organizer, testEvents.details("Soirée confidentielle", city, "networking",
                5, "0", Visibility.PRIVATE));

        mvc.perform(get("/events").param("city", city)).andExpect(content().string(not(containsString("confidentielle"))));
        mvc.perform(get("/events").param("q", "confidentielle"))
                .andExpect(content().string(not(containsString("Soirée confidentielle"))));
        mvc.perform(get("/")).andExpect(content().string(not(containsString("Soirée confidentielle"))));
        mvc.perform(get("/events/" + secret.getId())).andExpect(status().isNotFound());
        mvc.perform(get("/events/" + secret.getId()).param("key", "guessed-key")).andExpect(status().isNotFound());
        mvc.perform(get("/events/" + secret.getId() + "/calendar.ics")).andExpect(status().isNotFound());
        User stranger = Accounts.participant(accounts);
        mvc.perform(get("/events/" + secret.getId()).with(authentication(Accounts.signedIn(stranger))))
                .andExpect(status().isNotFound());
        User rival = Accounts.organizer(accounts);
        mvc.perform(get("/events/" + secret.getId()).with(authentication(Accounts.signedIn(rival))))
                .andExpect(status().isNotFound());
    }

    @Test
    void opensWithItsSecretLinkUntilTheLinkIsRenewed() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event secret = testEvents.published(organizer, testEvents.details("Dîner des mécènes", "Paris", "networking",
                5, "0", Visibility.PRIVATE));
        String oldKey = secret.getPrivateToken();
        assertThat(oldKey).hasSizeGreaterThanOrEqualTo(32);

        mvc.perform(get("/events/" + secret.getId()).param("key", oldKey))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Dîner des mécènes")));
        mvc.perform(get("/events/" + secret.getId() + "/calendar.ics").param("key", oldKey)).andExpect(status().isOk());
        mvc.perform(get("/dashboard/events/" + secret.getId()).with(authentication(Accounts.signedIn(organizer))))
                .andExpect(content().string(containsString("?key=" + oldKey)));

        mvc.perform(post("/dashboard/events/" + secret.getId() + "/private-link").with(csrf())
                .with(authentication(Accounts.signedIn(organizer))));
        String newKey = events.findById(secret.getId()).orElseThrow().getPrivateToken();
        assertThat(newKey).isNotEqualTo(oldKey);
        mvc.perform(get("/events/" + secret.getId()).param("key", oldKey)).andExpect(status().isNotFound());
        mvc.perform(get("/events/" + secret.getId()).param("key", newKey)).andExpect(status().isOk());
    }

    @Test
    void anInvitedUserSeesItUnderMyInvitationsOnceSignedInWithThatAddress() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event secret = testEvents.published(organizer, testEvents.details("Avant-première", "Lyon", "festival",
                5, "0", Visibility.PRIVATE));
        String guestEmail = Accounts.uniqueEmail("guest");

        mvc.perform(post("/dashboard/events/" + secret.getId() + "/invitations").with(csrf())
                .with(authentication(Accounts.signedIn(organizer))).param("email", guestEmail.toUpperCase(Locale.ROOT)));
        mvc.perform(post("/dashboard/events/" + secret.getId() + "/invitations").with(csrf())
                        .with(authentication(Accounts.signedIn(organizer))).param("email", "not an address"))
                .andExpect(status().is3xxRedirection());

        assertThat(mail.deliverAndRead(guestEmail)).singleElement()
                .satisfies(message -> assertThat(message.getSubject()).isEqualTo("You are invited to Avant-première"));

        User guest = Accounts.signUp(accounts, guestEmail, java.util.Set.of(), Locale.ENGLISH);
        mvc.perform(get("/invitations").with(authentication(Accounts.signedIn(guest))))
                .andExpect(content().string(containsString("Avant-première")));
        mvc.perform(get("/events/" + secret.getId()).with(authentication(Accounts.signedIn(guest))))
                .andExpect(status().isOk());
        User other = Accounts.participant(accounts);
        mvc.perform(get("/invitations").with(authentication(Accounts.signedIn(other))))
                .andExpect(content().string(not(containsString("Avant-première"))));
    }
}
