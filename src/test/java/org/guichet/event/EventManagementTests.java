package org.guichet.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;

import org.guichet.account.AccountService;
import org.guichet.account.Role;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.support.Accounts;
import org.guichet.support.Images;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class EventManagementTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents testEvents;

    @Autowired
    EventRepository events;

    @Autowired
    EventAuditRepository audit;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    User organizer;

    @BeforeEach
    void organizer() {
        organizer = Accounts.organizer(accounts);
    }

    @Test
    void createsADraftWithAPictureThenPublishesIt() throws Exception {
        String start = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Paris")).plusDays(10)
                .withHour(19).withMinute(0).withSecond(0).withNano(0).toString();
        String end = start.replace("T19:00", "T22:30");
        String location = mvc.perform(multipart("/dashboard/events/new")
                        .file(Images.file("image", "poster.png", "image/png", Images.png(1200, 800)))
                        .with(csrf()).with(authentication(Accounts.signedIn(organizer)))
                        .param("title", "Soirée Jazz").param("description", "**Live** music")
                        .param("category", "concert").param("venueName", "Le Sunset").param("city", "Paris")
                        .param("startsAt", start).param("endsAt", end).param("timeZone", "America/Toronto")
                        .param("capacity", "80").param("price", "12.50").param("currency", "EUR")
                        .param("visibility", "PUBLIC"))
                .andExpect(redirectedUrlPattern("/dashboard/events/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        Event event = events.findWithDetails(id).orElseThrow();
        assertThat(event.getStatus()).isEqualTo(EventStatus.DRAFT);
        assertThat(event.getDescriptionHtml()).contains("<strong>Live</strong>");
        assertThat(event.getTicketTypeCount()).as("the form's price seeds one ticket type").isEqualTo(1);
        assertThat(event.getLowestPrice()).isEqualByComparingTo("12.50");
        assertThat(event.getLocalStart().toLocalDateTime().toString()).isEqualTo(start);
        assertThat(event.getZone()).isEqualTo(ZoneId.of("America/Toronto"));
        assertThat(Images.dimensions(mvc.perform(get("/events/" + id + "/picture/card")
                .with(authentication(Accounts.signedIn(organizer)))).andReturn().getResponse()
                .getContentAsByteArray())).containsExactly(640, 400);

        mvc.perform(get("/events/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/events/" + id).with(authentication(Accounts.signedIn(organizer))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("only you can see this page")));

        mvc.perform(post("/dashboard/events/" + id + "/publish").with(csrf())
                        .with(authentication(Accounts.signedIn(organizer))))
                .andExpect(redirectedUrl("/dashboard/events/" + id));
        mvc.perform(get("/events/" + id + "/soiree-jazz"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Soirée Jazz")))
                .andExpect(content().string(containsString("€12.50")));
        assertThat(audit.findByEventIdOrderByIdAsc(id)).extracting(EventAudit::action)
                .containsExactly(EventAudit.Action.CREATED, EventAudit.Action.PUBLISHED);
    }

    @Test
    void refusesEveryInvalidFieldBesideItAndKeepsWhatWasTyped() throws Exception {
        String past = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Paris")).minusDays(1)
                .withSecond(0).withNano(0).toString().substring(0, 16);
        String earlier = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Paris")).minusDays(2)
                .withSecond(0).withNano(0).toString().substring(0, 16);
        mvc.perform(create().param("title", "x".repeat(151)).param("description", "Keep me")
                        .param("category", "no-such-category").param("city", "")
                        .param("startsAt", past).param("endsAt", earlier).param("timeZone", "Europe/Paris")
                        .param("capacity", "0").param("price", "-1").param("currency", "EUR")
                        .param("visibility", "PUBLIC"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "title", "event.error.titleTooLong"))
                .andExpect(model().attributeHasFieldErrorCode("form", "category", "event.error.category"))
                .andExpect(model().attributeHasFieldErrorCode("form", "startsAt", "event.error.startInPast"))
                .andExpect(model().attributeHasFieldErrorCode("form", "endsAt", "event.error.endBeforeStart"))
                .andExpect(model().attributeHasFieldErrorCode("form", "capacity", "event.error.capacity"))
                .andExpect(model().attributeHasFieldErrorCode("form", "price", "money.error.negative"))
                .andExpect(model().attributeHasFieldErrorCode("form", "city", "event.error.placeRequired"))
                .andExpect(content().string(containsString("Keep me")))
                .andExpect(content().string(containsString("A new event must start in the future.")));

        User french = Accounts.signUp(accounts, Accounts.uniqueEmail("organisatrice"), EnumSet.of(Role.ORGANIZER),
                Locale.FRENCH);
        mvc.perform(post("/dashboard/events/new").with(csrf()).with(authentication(Accounts.signedIn(french)))
                        .param("title", "").param("category", "concert").param("city", "Lyon")
                        .param("startsAt", "not a date").param("endsAt", "").param("timeZone", "Mars/Olympus")
                        .param("capacity", "ten").param("price", "10,555").param("currency", "EUR")
                        .param("visibility", "PUBLIC"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "startsAt", "typeMismatch"))
                .andExpect(model().attributeHasFieldErrorCode("form", "capacity", "typeMismatch"))
                .andExpect(model().attributeHasFieldErrorCode("form", "timeZone", "event.error.timeZone"))
                .andExpect(content().string(containsString("Cette valeur n’est pas valide.")));
    }

    @Test
    void refusesAPriceWithMoreThanTwoDecimalsAndAFileThatIsNotAnImage() throws Exception {
        String start = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Paris")).plusDays(3)
                .withSecond(0).withNano(0).toString().substring(0, 16);
        String end = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Paris")).plusDays(3).plusHours(2)
                .withSecond(0).withNano(0).toString().substring(0, 16);
        mvc.perform(multipart("/dashboard/events/new")
                        .file(Images.file("image", "poster.png", "image/png", "not an image".getBytes()))
                        .with(csrf()).with(authentication(Accounts.signedIn(organizer)))
                        .param("title", "Prix précis").param("category", "concert").param("city", "Lyon")
                        .param("startsAt", start).param("endsAt", end).param("timeZone", "Europe/Paris")
                        .param("capacity", "10").param("price", "10.555").param("currency", "EUR")
                        .param("visibility", "PUBLIC"))
                .andExpect(model().attributeHasFieldErrorCode("form", "price", "money.error.decimals"));
        mvc.perform(multipart("/dashboard/events/new")
                        .file(Images.file("image", "poster.png", "image/png", "not an image".getBytes()))
                        .with(csrf()).with(authentication(Accounts.signedIn(organizer)))
                        .param("title", "Prix précis").param("category", "concert").param("city", "Lyon")
                        .param("startsAt", start).param("endsAt", end).param("timeZone", "Europe/Paris")
                        .param("capacity", "10").param("price", "10.50").param("currency", "EUR")
                        .param("visibility", "PUBLIC"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("not an image we can read")));
    }

    @Test
    void refusesAPictureOverTheLimitBesideItsFieldKeepingEverythingTyped() throws Exception {
        String start = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Paris")).plusDays(4)
                .withSecond(0).withNano(0).toString().substring(0, 16);
        String end = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Paris")).plusDays(4).plusHours(2)
                .withSecond(0).withNano(0).toString().substring(0, 16);
        long before = events.count();
        mvc.perform(multipart("/dashboard/events/new")
                        .file(Images.file("image", "phone.jpg", "image/jpeg", new byte[10 * 1024 * 1024 + 1]))
                        .with(csrf()).with(authentication(Accounts.signedIn(organizer)))
                        .param("title", "Concert du printemps").param("description", "Un **long** texte")
                        .param("category", "concert").param("venueName", "La Cigale").param("city", "Lyon")
                        .param("startsAt", start).param("endsAt", end).param("timeZone", "Europe/Paris")
                        .param("capacity", "120").param("price", "15.50").param("currency", "EUR")
                        .param("visibility", "PRIVATE"))
                .andExpect(status().isOk())
                .andExpect(model().attribute("imageError", "media.image.tooLarge"))
                .andExpect(content().string(containsString("The file is too large: 10 MB at most.")))
                .andExpect(content().string(containsString("value=\"Concert du printemps\"")))
                .andExpect(content().string(containsString("Un **long** texte")))
                .andExpect(content().string(containsString("value=\"La Cigale\"")))
                .andExpect(content().string(containsString("value=\"120\"")))
                .andExpect(content().string(containsString("value=\"15.50\"")))
                .andExpect(content().string(containsString("data-max-bytes=\"10485760\"")))
                .andExpect(content().string(containsString("/js/upload-limit-")));
        assertThat(events.count()).as("nothing saved").isEqualTo(before);
    }

    @Test
    void editsKeepingTheCapacityAboveTheSeatsTaken() throws Exception {
        Event event = testEvents.published(organizer, "Atelier vélo", "Nantes");
        jdbc.update("update events set seats_taken = 30 where id = ?", event.getId());
        String start = event.getLocalStart().toLocalDateTime().toString();
        String end = event.getLocalEnd().toLocalDateTime().toString();
        mvc.perform(post("/dashboard/events/" + event.getId() + "/edit").with(csrf())
                        .with(authentication(Accounts.signedIn(organizer)))
                        .param("title", "Atelier vélo").param("category", "workshop").param("city", "Nantes")
                        .param("startsAt", start).param("endsAt", end).param("timeZone", "Europe/Paris")
                        .param("capacity", "20").param("price", "0").param("currency", "EUR").param("visibility", "PUBLIC"))
                .andExpect(model().attributeHasFieldErrorCode("form", "capacity", "event.error.capacityBelowTaken"));
        mvc.perform(post("/dashboard/events/" + event.getId() + "/edit").with(csrf())
                        .with(authentication(Accounts.signedIn(organizer)))
                        .param("title", "Atelier vélo électrique").param("category", "workshop").param("city", "Nantes")
                        .param("startsAt", start).param("endsAt", end).param("timeZone", "Europe/Paris")
                        .param("capacity", "30").param("price", "0").param("currency", "EUR").param("visibility", "PUBLIC"))
                .andExpect(redirectedUrl("/dashboard/events/" + event.getId()));
        assertThat(events.findById(event.getId()).orElseThrow().getTitle()).isEqualTo("Atelier vélo électrique");

        mvc.perform(post("/dashboard/events/" + event.getId() + "/delete").with(csrf())
                        .with(authentication(Accounts.signedIn(organizer))))
                .andExpect(redirectedUrl("/dashboard/events/" + event.getId()));
        assertThat(events.existsById(event.getId())).as("an event with tickets is only cancelled").isTrue();
    }

    @Test
    void cancelsDuplicatesAndDeletes() throws Exception {
        Event event = testEvents.published(organizer, "Conférence climat", "Grenoble");
        var signedIn = authentication(Accounts.signedIn(organizer));

        mvc.perform(post("/dashboard/events/" + event.getId() + "/duplicate").with(csrf()).with(signedIn))
                .andExpect(redirectedUrlPattern("/dashboard/events/*/edit"));
        assertThat(events.findByOrganizer(organizer.getId()))
                .filteredOn(e -> e.getTitle().equals("Conférence climat"))
                .extracting(Event::getStatus)
                .containsExactlyInAnyOrder(EventStatus.PUBLISHED, EventStatus.DRAFT);

        mvc.perform(post("/dashboard/events/" + event.getId() + "/cancel").with(csrf()).with(signedIn));
        assertThat(events.findById(event.getId()).orElseThrow().getStatus()).isEqualTo(EventStatus.CANCELLED);
        mvc.perform(get("/events/" + event.getId()))
                .andExpect(content().string(containsString("This event has been cancelled.")));

        mvc.perform(post("/dashboard/events/" + event.getId() + "/delete").with(csrf()).with(signedIn))
                .andExpect(redirectedUrl("/dashboard"));
        assertThat(events.existsById(event.getId())).isFalse();
        mvc.perform(get("/events/" + event.getId())).andExpect(status().isNotFound());
    }

    @Test
    void anotherOrganizerGetsNotFoundForEveryActionAndAParticipantIsKeptOut() throws Exception {
        Event event = testEvents.published(organizer, "Mon événement", "Rennes");
        User rival = Accounts.organizer(accounts);
        var asRival = authentication(Accounts.signedIn(rival));
        for (String action : new String[] {"/publish", "/cancel", "/delete", "/duplicate", "/private-link", "/edit"}) {
            mvc.perform(post("/dashboard/events/" + event.getId() + action).with(csrf()).with(asRival))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/dashboard/events/" + event.getId()).with(asRival)).andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/events/" + event.getId() + "/edit").with(asRival)).andExpect(status().isNotFound());
        assertThat(events.findById(event.getId()).orElseThrow().getStatus()).isEqualTo(EventStatus.PUBLISHED);

        User participant = Accounts.participant(accounts);
        mvc.perform(get("/dashboard/events/" + event.getId()).with(authentication(Accounts.signedIn(participant))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/events/" + event.getId())).andExpect(status().is3xxRedirection());

        User admin = Accounts.admin(users, passwordEncoder);
        mvc.perform(get("/dashboard/events/" + event.getId()).with(authentication(Accounts.signedIn(admin))))
                .andExpect(status().isOk());
    }

    @Test
    void listsTheOrganizersOwnEventsOnTheDashboard() throws Exception {
        testEvents.published(organizer, "Visible à moi", "Dijon");
        testEvents.draft(organizer, testEvents.details("Brouillon à moi", "Dijon", "meetup", 20, "0", Visibility.PUBLIC));
        User rival = Accounts.organizer(accounts);
        testEvents.published(rival, "Pas à moi", "Dijon");
        mvc.perform(get("/dashboard").with(authentication(Accounts.signedIn(organizer))))
                .andExpect(content().string(containsString("Visible à moi")))
                .andExpect(content().string(containsString("Brouillon à moi")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Pas à moi"))));
    }

    private MockHttpServletRequestBuilder create() {
        return post("/dashboard/events/new").with(csrf()).with(authentication(Accounts.signedIn(organizer)));
    }
}
