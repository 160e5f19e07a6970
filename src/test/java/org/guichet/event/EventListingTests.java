package org.guichet.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManagerFactory;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.TestEvents;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class EventListingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents testEvents;

    @Autowired
    EntityManagerFactory entityManagers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    User organizer;
    String city;

    @BeforeEach
    void setUp() {
        organizer = Accounts.organizer(accounts);
        city = "Ville" + System.nanoTime();
    }

    @Test
    void findsByTextWhateverTheCaseAndAccents() throws Exception {
        testEvents.published(organizer, testEvents.details("Café philosophique", city, "meetup", 3, "0", Visibility.PUBLIC));
        testEvents.published(organizer, testEvents.details("Théâtre d'impro", city, "festival", 4, "0", Visibility.PUBLIC));
        assertThat(titles("/events?city=" + city + "&q=cafe")).containsExactly("Café philosophique");
        assertThat(titles("/events?city=" + city + "&q=CAFÉ PHILO")).containsExactly("Café philosophique");
        assertThat(titles("/events?city=" + city + "&q=theatre")).containsExactly("Théâtre d&#39;impro");
        assertThat(titles("/events?city=" + city + "&q=salle des fetes")).hasSize(2);
        assertThat(titles("/events?city=" + city + "&q=100%25")).isEmpty();
    }

    @Test
    void filtersByCategoryCityDatesAndPriceAndSorts() throws Exception {
        testEvents.published(organizer, testEvents.details("Concert gratuit", city, "concert", 3, "0", Visibility.PUBLIC));
        testEvents.published(organizer, testEvents.details("Concert payant", city, "concert", 10, "15.00", Visibility.PUBLIC));
        testEvents.published(organizer, testEvents.details("Atelier payant", city, "workshop", 20, "30.00", Visibility.PUBLIC));
        String in = "/events?city=" + city.toUpperCase();

        assertThat(titles(in)).containsExactly("Concert gratuit", "Concert payant", "Atelier payant");
        assertThat(titles(in + "&category=concert")).containsExactly("Concert gratuit", "Concert payant");
        assertThat(titles(in + "&price=free")).containsExactly("Concert gratuit");
        assertThat(titles(in + "&price=paid")).containsExactly("Concert payant", "Atelier payant");
        String day5 = java.time.LocalDate.ofInstant(clock.instant(), EventSearch.FILTER_ZONE).plusDays(5).toString();
        String day15 = java.time.LocalDate.ofInstant(clock.instant(), EventSearch.FILTER_ZONE).plusDays(15).toString();
        assertThat(titles(in + "&from=" + day5 + "&to=" + day15)).containsExactly("Concert payant");
        assertThat(titles(in + "&sort=newest")).containsExactly("Atelier payant", "Concert payant", "Concert gratuit");
        jdbc.update("update events set seats_taken = 40 where title = 'Atelier payant' and city = ?", city);
        assertThat(titles(in + "&sort=popular").get(0)).isEqualTo("Atelier payant");
    }

    @Test
    void hidesDraftsCancelledAndFinishedEvents() throws Exception {
        testEvents.draft(organizer, testEvents.details("Brouillon caché", city, "concert", 3, "0", Visibility.PUBLIC));
        Event over = testEvents.published(organizer, testEvents.details("Déjà fini", city, "concert", 1, "0", Visibility.PUBLIC));
        jdbc.update("update events set starts_at = starts_at - interval '3' day, ends_at = ends_at - interval '3' day where id = ?",
                over.getId());
        Event cancelled = testEvents.published(organizer, testEvents.details("Annulé", city, "concert", 2, "0", Visibility.PUBLIC));
        jdbc.update("update events set status = 'CANCELLED' where id = ?", cancelled.getId());
        testEvents.published(organizer, testEvents.details("Bien visible", city, "concert", 2, "0", Visibility.PUBLIC));
        assertThat(titles("/events?city=" + city)).containsExactly("Bien visible");
    }

    @Test
    void pagesByTwelveAndExplainsAnEmptyResult() throws Exception {
        for (int i = 1; i <= 14; i++) {
            testEvents.published(organizer, testEvents.details("Rencontre " + i, city, "meetup", i, "0", Visibility.PUBLIC));
        }
        assertThat(titles("/events?city=" + city)).hasSize(12).first().isEqualTo("Rencontre 1");
        assertThat(titles("/events?city=" + city + "&page=2")).containsExactly("Rencontre 13", "Rencontre 14");
        mvc.perform(get("/events?city=" + city + "&q=zzzz"))
                .andExpect(content().string(containsString("No event matches your search")))
                .andExpect(content().string(containsString("Reset filters")));
        mvc.perform(get("/events?city=" + city + "&page=999")).andExpect(status().isOk())
                .andExpect(content().string(containsString("No event matches")));
    }

    @Test
    void ignoresNonsenseParametersInsteadOfFailing() throws Exception {
        mvc.perform(get("/events?from=31/12/2026&to=soon&price=cheap&sort=random&page=-1&category=" + "x".repeat(500)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Some filters were not understood")));
        mvc.perform(get("/events/not-a-number")).andExpect(status().is4xxClientError());
    }

    @Test
    void runsTheSameNumberOfStatementsForOneAndForFiftyEvents() throws Exception {
        String few = "Peu" + System.nanoTime();
        String many = "Beaucoup" + System.nanoTime();
        Event single = testEvents.published(organizer, testEvents.details("Seul", few, "concert", 3, "0", Visibility.PUBLIC));
        Event last = null;
        for (int i = 0; i < 50; i++) {
            User other = i % 5 == 0 ? Accounts.organizer(accounts) : organizer;
            last = testEvents.published(other, testEvents.details("Nombreux " + i, many,
                    i % 2 == 0 ? "concert" : "workshop", 2 + i % 10, i % 3 == 0 ? "0" : "9.90", Visibility.PUBLIC));
        }
        long forOne = statementsFor("/events?city=" + few);
        long forFifty = statementsFor("/events?city=" + many);
        // The page and its categories in one statement, the categories of the filter in another; a count only
        // when there is more than one page. Ten organizers and two categories add nothing.
        assertThat(forFifty).isEqualTo(3);
        assertThat(forOne).isBetween(2L, 3L);
        // The event with its organizer and category, the organizer's roles, the ticket types of its panel.
        assertThat(statementsFor("/events/" + single.getId())).isEqualTo(statementsFor("/events/" + last.getId()))
                .isLessThanOrEqualTo(3);
        assertThat(statementsFor("/")).isEqualTo(1);
    }

    private long statementsFor(String url) throws Exception {
        Statistics statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        mvc.perform(get(url)).andExpect(status().isOk());
        return statistics.getPrepareStatementCount();
    }

    private List<String> titles(String url) throws Exception {
        String page = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher matcher = Pattern.compile("class=\"text-decoration-none text-body stretched-link\" href=\"[^\"]+\">([^<]+)</a>").matcher(page);
        return matcher.results().map(result -> result.group(1)).toList();
    }
}
