package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.Refused;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A ticket type's sale cannot go on after its event has started: refused beside the sale's end. */
@IntegrationTest
class TicketTypeSaleWindowTests {

    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TicketTypes ticketTypes;

    @Test
    void aSaleEndingAfterTheEventStartsIsRefusedAndOneEndingAtTheStartIsKept() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event event = testEvents.published(organizer, "Festival du court", "Clermont");
        var asOrganizer = authentication(Accounts.signedIn(organizer));
        String start = LocalDateTime.ofInstant(event.getStartsAt(), event.getZone()).format(FIELD);
        String afterStart = LocalDateTime.ofInstant(event.getStartsAt().plus(Duration.ofHours(1)), event.getZone())
                .format(FIELD);

        mvc.perform(post("/dashboard/events/" + event.getId() + "/tickets").with(csrf()).with(asOrganizer)
                        .param("name", "Tardif").param("price", "0").param("quantity", "20").param("maxPerOrder", "1")
                        .param("saleEndsAt", afterStart))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The sale must end by the time the event starts.")));
        assertThat(ticketTypes.of(event.getId())).extracting(TicketType::getName).containsExactly("Standard");

        long standard = ticketTypes.of(event.getId()).get(0).getId();
        mvc.perform(post("/dashboard/events/" + event.getId() + "/tickets/" + standard).with(csrf()).with(asOrganizer)
                        .param("name", "Standard").param("price", "0").param("quantity", "100").param("maxPerOrder", "5")
                        .param("saleEndsAt", afterStart))
                .andExpect(Refused.flashed("ticketType.error.endsAfterStart"));
        assertThat(ticketTypes.of(event.getId()).get(0).getSaleEndsAt()).isNull();

        mvc.perform(post("/dashboard/events/" + event.getId() + "/tickets").with(csrf()).with(asOrganizer)
                        .param("name", "Dernière minute").param("price", "0").param("quantity", "20")
                        .param("maxPerOrder", "1").param("saleEndsAt", start))
                .andExpect(flash().attribute("saved", "ticketType.added"));
        assertThat(ticketTypes.of(event.getId())).extracting(TicketType::getSaleEndsAt)
                .contains(event.getStartsAt().truncatedTo(ChronoUnit.MINUTES));
    }
}
