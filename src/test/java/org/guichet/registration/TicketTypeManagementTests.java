package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.guichet.account.AccountPrincipal;
import org.guichet.support.Refused;
import org.guichet.shared.Refusal;
import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class TicketTypeManagementTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    ParticipantOrders registrations;

    @Test
    void anEventStartsWithOneTypeThatFollowsItsFormUntilOthersAreAdded() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event event = testEvents.published(organizer, "Salon du livre", "Brest");
        assertThat(ticketTypes.of(event.getId())).singleElement().satisfies(type -> {
            assertThat(type.getName()).isEqualTo("Standard");
            assertThat(type.getQuantity()).isEqualTo(100);
        });
        var asOrganizer = authentication(Accounts.signedIn(organizer));

        mvc.perform(post("/dashboard/events/" + event.getId() + "/tickets").with(csrf()).with(asOrganizer)
                        .param("name", "Étudiant").param("price", "0").param("quantity", "20").param("maxPerOrder", "1"))
                .andExpect(flash().attribute("saved", "ticketType.added"));
        mvc.perform(post("/dashboard/events/" + event.getId() + "/tickets").with(csrf()).with(asOrganizer)
                        .param("name", "").param("price", "2").param("quantity", "20").param("maxPerOrder", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Give the type a name")));
        mvc.perform(post("/dashboard/events/" + event.getId() + "/tickets").with(csrf()).with(asOrganizer)
                        .param("name", "Négatif").param("price", "-2").param("quantity", "20").param("maxPerOrder", "1"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "price", "money.error.negative"))
                .andExpect(content().string(containsString("The amount cannot be negative.")))
                .andExpect(content().string(containsString("value=\"-2\"")));
        mvc.perform(get("/dashboard/events/" + event.getId() + "/tickets").with(asOrganizer))
                .andExpect(content().string(containsString("Étudiant")));
        assertThat(ticketTypes.of(event.getId())).extracting(TicketType::getName).containsExactly("Standard", "Étudiant");

        TicketType student = ticketTypes.of(event.getId()).get(1);
        assertThatThrownBy(() -> testEvents.as(organizer, () -> {
            registrations.register(AccountPrincipal.of(organizer), event.getId(), null, Map.of(student.getId(), 2)).order();
            return null;
        })).isInstanceOf(Refusal.class).hasMessage("registration.error.tooMany");

        testEvents.register(organizer, event.getId(), student.getId(), 1);
        mvc.perform(post("/dashboard/events/" + event.getId() + "/tickets/" + student.getId() + "/delete").with(csrf())
                        .with(asOrganizer))
                .andExpect(Refused.flashed("ticketType.error.hasTickets"));
        mvc.perform(post("/dashboard/events/" + event.getId() + "/tickets/" + student.getId()).with(csrf()).with(asOrganizer)
                        .param("name", "Étudiant").param("price", "0").param("quantity", "0").param("maxPerOrder", "1"))
                .andExpect(Refused.flashed("ticketType.error.quantity"));
        mvc.perform(post("/dashboard/events/" + event.getId() + "/tickets/" + student.getId() + "/close").with(csrf())
                .with(asOrganizer));
        User participant = Accounts.participant(accounts);
        assertThatThrownBy(() -> testEvents.as(participant, () -> registrations.register(
                AccountPrincipal.of(participant), event.getId(), null, Map.of(student.getId(), 1)).order()))
                .isInstanceOf(Refusal.class).hasMessage("registration.error.notOnSale");
    }

    @Test
    void anotherOrganizerCannotTouchTheTypes() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event event = testEvents.published(organizer, "Forum emploi", "Laval");
        long typeId = ticketTypes.of(event.getId()).get(0).getId();
        var asRival = authentication(Accounts.signedIn(Accounts.organizer(accounts)));
        mvc.perform(get("/dashboard/events/" + event.getId() + "/tickets").with(asRival)).andExpect(status().isNotFound());
        mvc.perform(post("/dashboard/events/" + event.getId() + "/tickets/" + typeId + "/close").with(csrf()).with(asRival))
                .andExpect(status().isNotFound());
        assertThat(ticketTypes.of(event.getId()).get(0).isClosed()).isFalse();
    }
}
