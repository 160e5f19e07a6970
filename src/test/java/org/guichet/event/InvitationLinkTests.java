package org.guichet.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.Browser;
import org.guichet.support.IntegrationTest;
import org.guichet.support.TestEvents;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Invitations reach verified addresses only, and each mail carries a personal link that one account can take. */
@IntegrationTest
class InvitationLinkTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    UserRepository users;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    TestMail mail;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aStrangerWhoSignsUpWithAnInvitedAddressSeesNothingUntilTheAddressIsProved() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event gala = privateEvent(organizer, "Gala des partenaires");
        String vip = Accounts.uniqueEmail("vip");
        invite(organizer, gala, vip);

        Browser stranger = new Browser(mvc);
        stranger.submit("/signup", "email", vip, "password", "a long and rare passphrase", "firstName", "Eve",
                "lastName", "Intruder", "accountType", "ATTEND").andExpect(redirectedUrl("/signup/sent"));
        stranger.logIn(vip, "a long and rare passphrase");
        stranger.open("/invitations").andExpect(status().isForbidden());
        stranger.open("/events/" + gala.getId()).andExpect(status().isNotFound());
        stranger.submit("/events/" + gala.getId() + "/register", "qty-" + typeOf(gala), "1")
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from orders where event_id = ?", Long.class, gala.getId()))
                .isZero();

        // only whoever reads the vip's mailbox can prove the address
        MimeMessage verification = mail.deliverAndRead(vip).stream()
                .filter(message -> TestMail.firstLinkPath(message).startsWith("/account/verify")).findFirst()
                .orElseThrow();
        String link = TestMail.firstLinkPath(verification);
        Browser mailboxOwner = new Browser(mvc);
        mailboxOwner.open(link).andExpect(status().isOk());
        stranger.open("/invitations").andExpect(status().isForbidden());
        // reading the mail is not enough: the one who reads it must also know the password the account was opened with
        mailboxOwner.submit("/account/verify", "token", link.substring(link.indexOf("token=") + 6),
                "password", "a long and rare passphrase").andExpect(status().isOk());
        stranger.open("/invitations").andExpect(status().isOk())
                .andExpect(content().string(containsString("Gala des partenaires")));
        stranger.open("/events/" + gala.getId()).andExpect(status().isOk());
    }

    @Test
    void thePersonalLinkGoesToTheFirstVerifiedAccountThatFollowsItAndToNoOther() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event dinner = privateEvent(organizer, "Dîner des mécènes");
        String invited = Accounts.uniqueEmail("work-address");
        invite(organizer, dinner, invited);
        MimeMessage invitation = mail.deliverAndRead(invited).get(0);
        String link = TestMail.firstLinkPath(invitation);
        assertThat(link).startsWith("/invitations/accept?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(jdbc.queryForObject("select count(*) from event_invitations where token_hash = ?", Long.class,
                token)).as("only a hash of the link's secret is stored").isZero();

        new Browser(mvc).open(link).andExpect(redirectedUrl("/login"));
        User unverified = Accounts.unverifiedParticipant(accounts);
        mvc.perform(get(link).with(authentication(Accounts.signedIn(unverified))))
                .andExpect(status().isForbidden()).andExpect(forwardedUrl("/account/verification/required"));

        // the invitee, signed in with another (verified) address
        User invitee = Accounts.participant(accounts);
        mvc.perform(get(link).with(authentication(Accounts.signedIn(invitee))))
                .andExpect(redirectedUrl("/events/" + dinner.getId()));
        mvc.perform(get("/invitations").with(authentication(Accounts.signedIn(invitee))))
                .andExpect(content().string(containsString("Dîner des mécènes")));
        mvc.perform(get("/events/" + dinner.getId()).with(authentication(Accounts.signedIn(invitee))))
                .andExpect(status().isOk());
        mvc.perform(post("/events/" + dinner.getId() + "/register").with(csrf())
                .with(authentication(Accounts.signedIn(invitee))).param("qty-" + typeOf(dinner), "1"))
                .andExpect(redirectedUrl("/tickets"));
        // following it again changes nothing for the invitee
        mvc.perform(get(link).with(authentication(Accounts.signedIn(invitee))))
                .andExpect(redirectedUrl("/events/" + dinner.getId()));

        User other = Accounts.participant(accounts);
        mvc.perform(get(link).with(authentication(Accounts.signedIn(other))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("already been used by another account")));
        mvc.perform(get("/events/" + dinner.getId()).with(authentication(Accounts.signedIn(other))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/invitations").with(authentication(Accounts.signedIn(other))))
                .andExpect(content().string(not(containsString("Dîner des mécènes"))));
        mvc.perform(get("/invitations/accept?token=made-up").with(authentication(Accounts.signedIn(other))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is not valid")));

        mvc.perform(get("/dashboard/events/" + dinner.getId()).with(authentication(Accounts.signedIn(organizer))))
                .andExpect(content().string(containsString("link used")));
    }

    private Event privateEvent(User organizer, String title) {
        return testEvents.published(organizer, testEvents.details(title, "Paris", "networking", 5, "0",
                Visibility.PRIVATE));
    }

    private void invite(User organizer, Event event, String email) throws Exception {
        mvc.perform(post("/dashboard/events/" + event.getId() + "/invitations").with(csrf())
                        .with(authentication(Accounts.signedIn(organizer))).param("email", email))
                .andExpect(status().is3xxRedirection());
    }

    private long typeOf(Event event) {
        return ticketTypes.of(event.getId()).get(0).getId();
    }
}
