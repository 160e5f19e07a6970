package org.guichet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.EnumSet;

import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.Refused;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class UserAdminTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    ApiCredentials apiCredentials;

    @Autowired
    PersonalTokens personalTokens;

    @Autowired
    TestEvents testEvents;

    @Test
    void findsAccountsByNameOrAddressWithTheirRolesAndState() throws Exception {
        var admin = authentication(Accounts.signedIn(Accounts.admin(users, passwordEncoder)));
        String marker = "zephyrin" + System.nanoTime();
        User found = Accounts.signUp(accounts, marker + "@example.org", EnumSet.of(Role.ORGANIZER),
                java.util.Locale.ENGLISH);
        User unverified = Accounts.signUpUnverified(accounts, "unv-" + marker + "@example.org",
                EnumSet.noneOf(Role.class), java.util.Locale.ENGLISH);
        mvc.perform(get("/admin/users").param("q", marker.toUpperCase()).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(found.getEmail())))
                .andExpect(content().string(containsString(unverified.getEmail())))
                .andExpect(content().string(containsString("Organizer")))
                .andExpect(content().string(containsString("Address not confirmed")))
                .andExpect(content().string(containsString("href=\"/admin/users/" + found.getId() + "\"")));
        mvc.perform(get("/admin/users").param("q", "nobody-" + marker).with(admin))
                .andExpect(content().string(containsString("No account matches.")))
                .andExpect(content().string(not(containsString(found.getEmail()))));
    }

    @Test
    void aDisabledAccountCannotSignInNorUseTheApiAndTheChangeIsAudited() throws Exception {
        User adminUser = Accounts.admin(users, passwordEncoder);
        var admin = authentication(Accounts.signedIn(adminUser));
        User organizer = Accounts.organizer(accounts);
        String token = testEvents.as(organizer, () -> personalTokens.create(AccountPrincipal.of(organizer), "door",
                EnumSet.of(ApiScope.READ))).secret();
        String refresh = apiCredentials.startRefreshFamily(organizer.getId(), Duration.ofDays(1));
        assertThat(apiCredentials.personal(token)).isPresent();

        mvc.perform(post("/admin/users/" + organizer.getId() + "/disable").with(csrf()).with(admin))
                .andExpect(redirectedUrl("/admin/users/" + organizer.getId()))
                .andExpect(flash().attribute("saved", "account.admin.disabled"));

        assertThat(users.findById(organizer.getId()).orElseThrow().isDisabled()).isTrue();
        mvc.perform(post("/login").with(csrf()).param("email", organizer.getEmail())
                        .param("password", Accounts.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(apiCredentials.personal(token)).isEmpty();
        assertThat(apiCredentials.account(organizer.getId())).isEmpty();
        assertThat(apiCredentials.refresh(refresh, Duration.ofDays(1))).isEmpty();
        mvc.perform(get("/admin/users/" + organizer.getId()).with(admin))
                .andExpect(content().string(containsString("Disabled since")))
                .andExpect(content().string(containsString("Disabled on ")))
                .andExpect(content().string(containsString(" by " + adminUser.getEmail())))
                .andExpect(content().string(containsString("/admin/users/" + organizer.getId() + "/enable")));

        mvc.perform(post("/admin/users/" + organizer.getId() + "/enable").with(csrf()).with(admin))
                .andExpect(flash().attribute("saved", "account.admin.enabled"));
        assertThat(apiCredentials.account(organizer.getId())).isPresent();
        mvc.perform(post("/login").with(csrf()).param("email", organizer.getEmail())
                        .param("password", Accounts.PASSWORD))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/admin/users/" + organizer.getId()).with(admin))
                .andExpect(content().string(containsString("Enabled on ")));
    }

    @Test
    void anAdministratorGrantsAndRemovesTheOrganizerRoleButCannotDisableThemselves() throws Exception {
        User adminUser = Accounts.admin(users, passwordEncoder);
        var admin = authentication(Accounts.signedIn(adminUser));
        User camille = Accounts.participant(accounts);

        mvc.perform(post("/admin/users/" + camille.getId() + "/organizer/grant").with(csrf()).with(admin))
                .andExpect(flash().attribute("saved", "account.admin.organizerGranted"));
        assertThat(users.findById(camille.getId()).orElseThrow().hasRole(Role.ORGANIZER)).isTrue();
        mvc.perform(post("/admin/users/" + camille.getId() + "/organizer/grant").with(csrf()).with(admin))
                .andExpect(Refused.flashed("account.admin.error.alreadyOrganizer"));
        mvc.perform(post("/admin/users/" + camille.getId() + "/organizer/remove").with(csrf()).with(admin))
                .andExpect(flash().attribute("saved", "account.admin.organizerRemoved"));
        assertThat(users.findById(camille.getId()).orElseThrow().hasRole(Role.ORGANIZER)).isFalse();
        mvc.perform(get("/admin/users/" + camille.getId()).with(admin))
                .andExpect(content().string(containsString("Made an organizer on ")))
                .andExpect(content().string(containsString("Organizer role removed on ")));

        mvc.perform(get("/admin/users/" + adminUser.getId()).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/admin/users/" + adminUser.getId() + "/disable"))))
                .andExpect(content().string(not(containsString("/organizer/remove"))));
        mvc.perform(post("/admin/users/" + adminUser.getId() + "/disable").with(csrf()).with(admin))
                .andExpect(Refused.flashed("account.admin.error.disableSelf"));
        mvc.perform(post("/admin/users/" + adminUser.getId() + "/organizer/remove").with(csrf()).with(admin))
                .andExpect(Refused.flashed("account.admin.error.adminOrganizes"));
        User still = users.findById(adminUser.getId()).orElseThrow();
        assertThat(still.isDisabled()).isFalse();
        assertThat(still.hasRole(Role.ADMIN)).isTrue();
        assertThat(still.hasRole(Role.ORGANIZER)).isTrue();
    }

    @Test
    void anUnknownAccountIsNotFound() throws Exception {
        var admin = authentication(Accounts.signedIn(Accounts.admin(users, passwordEncoder)));
        mvc.perform(get("/admin/users/987654321").with(admin)).andExpect(status().isNotFound());
    }
}
