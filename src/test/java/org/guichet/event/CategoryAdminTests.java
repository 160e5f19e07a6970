package org.guichet.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.guichet.account.AccountService;
import org.guichet.support.Refused;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class CategoryAdminTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    CategoryRepository categories;

    @Autowired
    TestEvents testEvents;

    @Test
    void anAdminAddsRenamesAndDeletesAnUnusedCategory() throws Exception {
        var admin = authentication(Accounts.signedIn(Accounts.admin(users, passwordEncoder)));
        String slug = "cinema-" + System.nanoTime();
        mvc.perform(post("/admin/categories").with(csrf()).with(admin)
                        .param("slug", slug).param("nameEn", "Cinema").param("nameFr", "Cinéma"))
                .andExpect(flash().attribute("saved", "category.added"));
        Category cinema = categories.findBySlug(slug).orElseThrow();
        mvc.perform(post("/admin/categories").with(csrf()).with(admin)
                        .param("slug", slug).param("nameEn", "Again").param("nameFr", "Encore"))
                .andExpect(Refused.flashed("category.error.slugTaken"));
        mvc.perform(post("/admin/categories/" + cinema.getId()).with(csrf()).with(admin)
                .param("nameEn", "Movies").param("nameFr", "Films"));
        assertThat(categories.findBySlug(slug).orElseThrow().getNameFr()).isEqualTo("Films");
        mvc.perform(post("/admin/categories/" + cinema.getId() + "/delete").with(csrf()).with(admin))
                .andExpect(flash().attribute("saved", "category.deleted"));
        assertThat(categories.findBySlug(slug)).isEmpty();
    }

    @Test
    void keepsACategoryThatEventsUse() throws Exception {
        var admin = authentication(Accounts.signedIn(Accounts.admin(users, passwordEncoder)));
        User organizer = Accounts.organizer(accounts);
        testEvents.published(organizer, "Concert du dimanche", "Tours");
        Category concert = categories.findBySlug("conference").orElseThrow();
        mvc.perform(post("/admin/categories/" + concert.getId() + "/delete").with(csrf()).with(admin))
                .andExpect(Refused.flashed("category.error.inUse"));
        assertThat(categories.findBySlug("conference")).isPresent();
    }

    @Test
    void proposesTheCleanIdentifierBeforeSavingIt() throws Exception {
        var admin = authentication(Accounts.signedIn(Accounts.admin(users, passwordEncoder)));
        String suffix = String.valueOf(System.nanoTime());
        mvc.perform(post("/admin/categories").with(csrf()).with(admin)
                        .param("slug", "Théâtre " + suffix).param("nameEn", "Theatre").param("nameFr", "Théâtre"))
                .andExpect(Refused.flashed("category.error.slugProposed"))
                .andExpect(flash().attribute("typedSlug", "theatre-" + suffix));
        assertThat(categories.findBySlug("theatre-" + suffix)).isEmpty();
        mvc.perform(post("/admin/categories").with(csrf()).with(admin)
                        .param("slug", "theatre-" + suffix).param("nameEn", "Theatre").param("nameFr", "Théâtre"))
                .andExpect(flash().attribute("saved", "category.added"));
        assertThat(categories.findBySlug("theatre-" + suffix).orElseThrow().getNameFr()).isEqualTo("Théâtre");
    }

    @Test
    void deletingAsksFirst() throws Exception {
        var admin = authentication(Accounts.signedIn(Accounts.admin(users, passwordEncoder)));
        String slug = "opera-" + System.nanoTime();
        Category opera = categories.save(new Category(slug, "Opera", "Opéra"));
        mvc.perform(get("/admin/categories").with(admin))
                .andExpect(content().string(containsString("href=\"/admin/categories/" + opera.getId() + "/delete\"")))
                .andExpect(content().string(not(containsString(
                        "action=\"/admin/categories/" + opera.getId() + "/delete\""))));
        mvc.perform(get("/admin/categories/" + opera.getId() + "/delete").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Delete the category &quot;Opera&quot;?")))
                .andExpect(content().string(containsString("<code>" + slug + "</code>")))
                .andExpect(content().string(containsString(
                        "action=\"/admin/categories/" + opera.getId() + "/delete\"")));
        assertThat(categories.findBySlug(slug)).isPresent();
        mvc.perform(post("/admin/categories/" + opera.getId() + "/delete").with(csrf()).with(admin))
                .andExpect(flash().attribute("saved", "category.deleted"));
        assertThat(categories.findBySlug(slug)).isEmpty();
        mvc.perform(get("/admin/categories/" + opera.getId() + "/delete").with(admin))
                .andExpect(Refused.flashed("category.error.missing"));
    }

    @Test
    void theConfirmationOfACategoryInUseOffersNoDeletion() throws Exception {
        var admin = authentication(Accounts.signedIn(Accounts.admin(users, passwordEncoder)));
        testEvents.published(Accounts.organizer(accounts), "Conférence du lundi", "Tours");
        Category conference = categories.findBySlug("conference").orElseThrow();
        mvc.perform(get("/admin/categories/" + conference.getId() + "/delete").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This category is used by events")))
                .andExpect(content().string(not(containsString(
                        "action=\"/admin/categories/" + conference.getId() + "/delete\""))));
    }

    @Test
    void isForAdministratorsOnly() throws Exception {
        User organizer = Accounts.organizer(accounts);
        mvc.perform(get("/admin/categories").with(authentication(Accounts.signedIn(organizer))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/categories")).andExpect(status().is3xxRedirection());
    }
}
