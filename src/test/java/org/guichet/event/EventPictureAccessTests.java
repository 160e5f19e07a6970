package org.guichet.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.support.Accounts;
import org.guichet.support.Images;
import org.guichet.support.IntegrationTest;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** An event's pictures are seen by exactly those who may see its page, and cached accordingly. */
@IntegrationTest
class EventPictureAccessTests {

    private static final String SHARED = "max-age=86400, public";
    private static final String PRIVATE = "max-age=3600, private";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    EventService service;

    @Autowired
    TestEvents testEvents;

    User owner;
    User rival;
    User admin;
    User invitee;
    User stranger;

    @BeforeEach
    void people() {
        owner = Accounts.organizer(accounts);
        rival = Accounts.organizer(accounts);
        admin = Accounts.admin(users, passwordEncoder);
        invitee = Accounts.participant(accounts);
        stranger = Accounts.participant(accounts);
    }

    @Test
    void aPublicEventsPicturesAreForEveryoneAndMayBeCachedAnywhere() throws Exception {
        Event event = withPicture(Visibility.PUBLIC, true);
        for (String size : new String[] {"card", "banner"}) {
            picture(event, size, null).andExpect(status().isOk())
                    .andExpect(header().string(HttpHeaders.CACHE_CONTROL, SHARED));
            picture(event, size, stranger).andExpect(status().isOk());
        }
    }

    @Test
    void aPrivateEventsPicturesAreForItsKeyHoldersInviteesOrganizerAndAdminsOnly() throws Exception {
        Event event = withPicture(Visibility.PRIVATE, true);
        testEvents.as(owner, () -> {
            service.invite(event.getId(), AccountPrincipal.of(owner), invitee.getEmail());
            return null;
        });

        picture(event, "card", null).andExpect(status().isNotFound());
        picture(event, "card", stranger).andExpect(status().isNotFound());
        picture(event, "card", rival).andExpect(status().isNotFound());
        mvc.perform(get(address(event, "banner")).param("key", "guessed-key")).andExpect(status().isNotFound());

        mvc.perform(get(address(event, "banner")).param("key", event.getPrivateToken()))
                .andExpect(status().isOk()).andExpect(header().string(HttpHeaders.CACHE_CONTROL, PRIVATE));
        for (User allowed : new User[] {invitee, owner, admin}) {
            picture(event, "card", allowed).andExpect(status().isOk())
                    .andExpect(header().string(HttpHeaders.CACHE_CONTROL, PRIVATE));
        }
    }

    @Test
    void aDraftsPicturesAreForItsOrganizerAndAdminsOnly() throws Exception {
        Event draft = withPicture(Visibility.PUBLIC, false);
        picture(draft, "card", null).andExpect(status().isNotFound());
        picture(draft, "card", stranger).andExpect(status().isNotFound());
        picture(draft, "banner", rival).andExpect(status().isNotFound());
        mvc.perform(get(address(draft, "banner")).param("key", draft.getPrivateToken()))
                .andExpect(status().isNotFound());
        for (User allowed : new User[] {owner, admin}) {
            picture(draft, "banner", allowed).andExpect(status().isOk())
                    .andExpect(header().string(HttpHeaders.CACHE_CONTROL, PRIVATE));
        }
    }

    @Test
    void aPrivateEventsPageThroughItsSecretLinkShowsItsBannerToThatVisitor() throws Exception {
        Event event = withPicture(Visibility.PRIVATE, true);
        String page = mvc.perform(get("/events/" + event.getId()).param("key", event.getPrivateToken()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String banner = imageAddress(page, "/events/" + event.getId() + "/picture/banner");
        assertThat(banner).contains("key=" + event.getPrivateToken()).doesNotContain(event.getBannerImageKey());
        mvc.perform(get(banner.replace("&amp;", "&"))).andExpect(status().isOk());
    }

    @Test
    void anInviteeSeesThePrivateEventsCardInTheirInvitations() throws Exception {
        Event event = withPicture(Visibility.PRIVATE, true);
        testEvents.as(owner, () -> {
            service.invite(event.getId(), AccountPrincipal.of(owner), invitee.getEmail());
            return null;
        });
        String page = mvc.perform(get("/invitations").with(authentication(Accounts.signedIn(invitee))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String card = imageAddress(page, "/events/" + event.getId() + "/picture/card");
        mvc.perform(get(card.replace("&amp;", "&")).with(authentication(Accounts.signedIn(invitee))))
                .andExpect(status().isOk());
        // the same address for someone else
        mvc.perform(get(card.replace("&amp;", "&"))).andExpect(status().isNotFound());
    }

    @Test
    void storedFilesHaveNoAddressOfTheirOwnAndUnknownSizesDoNotExist() throws Exception {
        Event event = withPicture(Visibility.PUBLIC, true);
        mvc.perform(get("/media/" + event.getCardImageKey())).andExpect(status().isNotFound());
        mvc.perform(get("/media/" + event.getCardImageKey()).with(authentication(Accounts.signedIn(owner))))
                .andExpect(status().isNotFound());
        picture(event, "original", owner).andExpect(status().isNotFound());
        Event without = testEvents.published(owner, "Sans image", "Lyon");
        picture(without, "card", owner).andExpect(status().isNotFound());
    }

    @Test
    void aNewPictureGetsANewAddress() throws Exception {
        Event event = withPicture(Visibility.PUBLIC, true);
        String before = imageAddress(mvc.perform(get("/events/" + event.getId())).andReturn().getResponse()
                .getContentAsString(), "/events/" + event.getId() + "/picture/banner");
        testEvents.as(owner, () -> service.update(event.getId(), AccountPrincipal.of(owner), details(Visibility.PUBLIC),
                Images.jpeg(1800, 900)));
        String after = imageAddress(mvc.perform(get("/events/" + event.getId())).andReturn().getResponse()
                .getContentAsString(), "/events/" + event.getId() + "/picture/banner");
        assertThat(after).isNotEqualTo(before);
    }

    private Event withPicture(Visibility visibility, boolean publish) {
        EventDetails details = details(visibility);
        return testEvents.as(owner, () -> service.create(AccountPrincipal.of(owner), details,
                Images.png(1200, 800), publish));
    }

    private EventDetails details(Visibility visibility) {
        return testEvents.details("Image " + visibility, "Nantes", "conference", 9, "0", visibility);
    }

    private ResultActions picture(Event event, String size, User viewer) throws Exception {
        MockHttpServletRequestBuilder request = get(address(event, size));
        if (viewer != null) {
            request.with(authentication(Accounts.signedIn(viewer)));
        }
        return mvc.perform(request);
    }

    private static String address(Event event, String size) {
        return "/events/" + event.getId() + "/picture/" + size;
    }

    private static String imageAddress(String page, String path) {
        Matcher src = Pattern.compile("src=\"(" + Pattern.quote(path) + "[^\"]*)\"").matcher(page);
        assertThat(src.find()).as("an image from " + path).isTrue();
        return src.group(1);
    }
}
