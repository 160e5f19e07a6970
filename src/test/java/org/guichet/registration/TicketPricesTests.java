package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.Role;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.EventService;
import org.guichet.event.Visibility;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MutableClock;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Prices belong to ticket types: typed in the organizer's own format on the event form and the ticket types' page,
 * and shown ("Free", "€12.50", "from €12.50"), filtered and copied from the types.
 */
@IntegrationTest
class TicketPricesTests {

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
    MutableClock clock;

    String city;

    @BeforeEach
    void city() {
        city = "Prix" + System.nanoTime();
    }

    @Test
    void aFrenchOrganizerTyping12Comma50SellsAt12Point50() throws Exception {
        User organizer = organizer(Locale.FRENCH);
        Event event = created(organizer, "Atelier à virgule", "12,50");
        Event asCreated = testEvents.published(organizer, testEvents.details("Créé par le service", city, "workshop",
                5, "12.50", Visibility.PUBLIC));
        assertThat(asCreated.isFree()).as("the event the service returns knows its single type's price").isFalse();
        assertThat(asCreated.getLowestPrice()).isEqualByComparingTo("12.50");

        TicketType standard = ticketTypes.of(event.getId()).get(0);
        assertThat(standard.getPrice()).isEqualByComparingTo("12.50");
        Order order = testEvents.register(Accounts.participant(accounts), event.getId(), standard.getId(), 2);
        assertThat(order.getTotal()).isEqualByComparingTo("25.00");

        mvc.perform(get("/dashboard/events/" + event.getId() + "/edit").with(as(organizer)))
                .andExpect(content().string(containsString("value=\"12,50\"")))
                .andExpect(content().string(containsString("inputmode=\"decimal\"")));
    }

    @Test
    void anEnglishOrganizerTyping12Point50SellsAt12Point50() throws Exception {
        User organizer = organizer(Locale.ENGLISH);
        Event event = created(organizer, "Workshop with a point", "12.50");

        TicketType standard = ticketTypes.of(event.getId()).get(0);
        assertThat(standard.getPrice()).isEqualByComparingTo("12.50");
        assertThat(testEvents.register(Accounts.participant(accounts), event.getId(), standard.getId(), 1).getTotal())
                .isEqualByComparingTo("12.50");
        mvc.perform(get("/events/" + event.getId())).andExpect(content().string(containsString("€12.50")));
    }

    @Test
    void anAmbiguousPriceIsRefusedBesideTheFieldKeptAsTypedAndNothingIsSaved() throws Exception {
        User organizer = organizer(Locale.FRENCH);
        mvc.perform(eventForm(organizer, "Prix ambigu", "1.250"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "price", "money.error.ambiguous"))
                .andExpect(content().string(containsString("value=\"1.250\"")))
                .andExpect(content().string(containsString(
                        "<div id=\"price-error\" class=\"invalid-feedback\">«\u00a01.250\u00a0» peut se lire de deux façons")));
        mvc.perform(eventForm(organizer, "Prix ambigu", "12,5,0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "price", "money.error.format"))
                .andExpect(content().string(containsString("Saisissez un montant comme 12,50.")));
        assertThat(testEvents.as(organizer, () -> events.organizedBy(AccountPrincipal.of(organizer))))
                .as("nothing saved").isEmpty();
    }

    @Test
    void theTicketTypesPageReadsFrenchPricesAndRefusesAnAmbiguousOneBesideItsField() throws Exception {
        User organizer = organizer(Locale.FRENCH);
        Event event = created(organizer, "Types en français", "0");
        String page = "/dashboard/events/" + event.getId() + "/tickets";

        mvc.perform(post(page).with(csrf()).with(as(organizer)).param("name", "Soutien").param("price", "1 250,50")
                        .param("quantity", "10").param("maxPerOrder", "2"))
                .andExpect(flash().attribute("saved", "ticketType.added"));
        TicketType support = ticketTypes.of(event.getId()).get(1);
        assertThat(support.getPrice()).isEqualByComparingTo("1250.50");

        mvc.perform(post(page + "/" + support.getId()).with(csrf()).with(as(organizer)).param("name", "Soutien")
                        .param("price", "1.250").param("quantity", "10").param("maxPerOrder", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"1.250\"")))
                .andExpect(content().string(containsString("id=\"price-error-" + support.getId() + "\"")))
                .andExpect(content().string(containsString("peut se lire de deux façons")));
        mvc.perform(post(page).with(csrf()).with(as(organizer)).param("name", "Trop précis").param("price", "12,505")
                        .param("quantity", "10").param("maxPerOrder", "2"))
                .andExpect(model().attributeHasFieldErrorCode("form", "price", "money.error.decimals"))
                .andExpect(content().string(containsString("value=\"12,505\"")));
        assertThat(ticketTypes.of(event.getId())).extracting(TicketType::getPrice)
                .usingElementComparator(BigDecimal::compareTo)
                .as("the refused change and the refused type left the prices alone")
                .containsExactly(new BigDecimal("0.00"), new BigDecimal("1250.50"));
        mvc.perform(get(page).with(as(organizer)))
                .andExpect(content().string(containsString("value=\"1250,50\"")));
    }

    @Test
    void anEventWithSeveralPricesShowsFromTheLowestEverywhereAndIsFilteredByItsTypes() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event mixed = testEvents.published(organizer, testEvents.details("Tarifs mêlés", city, "concert", 3, "12.50",
                Visibility.PUBLIC));
        add(organizer, mixed, "VIP", "30.00");
        Event partlyFree = testEvents.published(organizer, testEvents.details("Entrée libre ou soutien", city,
                "concert", 3, "0", Visibility.PUBLIC));
        add(organizer, partlyFree, "Soutien", "10.00");
        Event free = testEvents.published(organizer, testEvents.details("Tout gratuit", city, "concert", 4, "0",
                Visibility.PUBLIC));
        add(organizer, free, "Invité", "0");
        Event flat = testEvents.published(organizer, testEvents.details("Prix unique", city, "concert", 5, "8.00",
                Visibility.PUBLIC));
        add(organizer, flat, "Même prix", "8.00");

        mvc.perform(get("/events?city=" + city))
                .andExpect(content().string(containsString("from €12.50")))
                .andExpect(content().string(containsString("from €0.00")))
                .andExpect(content().string(containsString("€8.00")))
                .andExpect(content().string(not(containsString("from €8.00"))));
        mvc.perform(get("/events/" + mixed.getId())).andExpect(content().string(containsString("from €12.50")));
        mvc.perform(get("/events/" + free.getId())).andExpect(content().string(containsString(">Free<")));
        mvc.perform(get("/events/" + mixed.getId()).header("Accept-Language", "fr"))
                .andExpect(content().string(containsString("à partir de 12,50\u00a0€")));
        String paid = mvc.perform(get("/events?price=paid&city=" + city)).andReturn().getResponse().getContentAsString();
        String gratis = mvc.perform(get("/events?price=free&city=" + city)).andReturn().getResponse().getContentAsString();
        assertThat(paid).contains("Tarifs mêlés", "Entrée libre ou soutien", "Prix unique")
                .doesNotContain("Tout gratuit");
        assertThat(gratis).contains("Tout gratuit")
                .doesNotContain("Tarifs mêlés", "Entrée libre ou soutien", "Prix unique");

        mvc.perform(get("/dashboard/events/" + mixed.getId() + "/edit").with(as(organizer)))
                .andExpect(content().string(not(containsString("id=\"price\""))))
                .andExpect(content().string(containsString("Set on the ticket types page, for each of the 2 types")));
        Event reloaded = events.get(mixed.getId());
        mvc.perform(post("/dashboard/events/" + mixed.getId() + "/edit").with(csrf()).with(as(organizer))
                        .param("title", "Tarifs mêlés, nouveau titre").param("category", "concert").param("city", city)
                        .param("startsAt", reloaded.getLocalStart().toLocalDateTime().toString())
                        .param("endsAt", reloaded.getLocalEnd().toLocalDateTime().toString())
                        .param("timeZone", "Europe/Paris").param("capacity", "100").param("currency", "EUR")
                        .param("maxPerPerson", "10").param("visibility", "PUBLIC"))
                .andExpect(redirectedUrlPattern("/dashboard/events/*"));
        assertThat(ticketTypes.of(mixed.getId())).extracting(TicketType::getPrice)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("12.50"), new BigDecimal("30.00"));
    }

    @Test
    void duplicatingCopiesEveryTicketTypeWithItsSettingsAndThePerPersonLimit() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event source = created(organizer, "Festival à copier", "5.00");
        mvc.perform(post("/dashboard/events/" + source.getId() + "/edit").with(csrf()).with(as(organizer))
                        .param("title", "Festival à copier").param("category", "concert").param("city", city)
                        .param("startsAt", source.getLocalStart().toLocalDateTime().toString())
                        .param("endsAt", source.getLocalEnd().toLocalDateTime().toString())
                        .param("timeZone", "Europe/Paris").param("capacity", "80").param("price", "5.00")
                        .param("currency", "EUR").param("maxPerPerson", "4").param("visibility", "PUBLIC"))
                .andExpect(redirectedUrlPattern("/dashboard/events/*"));
        var principal = AccountPrincipal.of(organizer);
        TicketType early = add(organizer, source, "Early bird", "3.00");
        testEvents.as(organizer, () -> ticketTypes.change(source.getId(), early.getId(), principal,
                new TicketTypeDetails("Early bird", new BigDecimal("3.00"), 20, 2, clock.instant(),
                        clock.instant().plus(Duration.ofDays(2)))));
        testEvents.as(organizer, () -> {
            ticketTypes.close(source.getId(), early.getId(), principal);
            return null;
        });
        testEvents.register(Accounts.participant(accounts), source.getId(), ticketTypes.of(source.getId()).get(0).getId(), 1);

        Event copy = testEvents.as(organizer, () -> events.duplicate(source.getId(), principal));

        assertThat(events.get(copy.getId()).getMaxPerPerson()).isEqualTo(4);
        assertThat(copy.hasVariedPrices()).as("the copy, as returned, already sells at both prices").isTrue();
        assertThat(events.get(copy.getId()).getLowestPrice()).isEqualByComparingTo("3.00");
        List<TicketType> original = ticketTypes.of(source.getId());
        List<TicketType> copied = ticketTypes.of(copy.getId());
        assertThat(copied).hasSameSizeAs(original).hasSize(2);
        for (int i = 0; i < original.size(); i++) {
            TicketType from = original.get(i);
            TicketType to = copied.get(i);
            assertThat(List.of(to.getName(), to.getQuantity(), to.getMaxPerOrder(), to.isClosed(), to.getPosition()))
                    .isEqualTo(List.of(from.getName(), from.getQuantity(), from.getMaxPerOrder(), from.isClosed(),
                            from.getPosition()));
            assertThat(to.getPrice()).isEqualByComparingTo(from.getPrice());
            assertThat(to.getSaleStartsAt()).isEqualTo(from.getSaleStartsAt());
            assertThat(to.getSaleEndsAt()).isEqualTo(from.getSaleEndsAt());
            assertThat(to.getSold()).isZero();
        }
        assertThat(original.get(0).getSold()).isEqualTo(1);
        assertThat(copied.get(1).isClosed()).isTrue();
    }

    @Test
    void thePerPersonLimitIsSetOnTheFormAndRefusedBesideItOutsideOneToAThousand() throws Exception {
        User organizer = organizer(Locale.FRENCH);
        mvc.perform(eventForm(organizer, "Limite absurde", "0").param("maxPerPerson", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "maxPerPerson", "event.error.maxPerPerson"))
                .andExpect(content().string(containsString(
                        "<div id=\"maxPerPerson-error\" class=\"invalid-feedback\">Autorisez entre 1 et 1")));
        mvc.perform(eventForm(organizer, "Limite absurde", "0").param("maxPerPerson", "1001"))
                .andExpect(model().attributeHasFieldErrorCode("form", "maxPerPerson", "event.error.maxPerPerson"));
        Event event = created(organizer, "Limite raisonnable", "0", "3");
        assertThat(event.getMaxPerPerson()).isEqualTo(3);
        mvc.perform(get("/dashboard/events/" + event.getId() + "/edit").with(as(organizer)))
                .andExpect(content().string(containsString("Billets par personne")))
                .andExpect(content().string(containsString("name=\"maxPerPerson\" value=\"3\"")));
        mvc.perform(get("/dashboard/events/" + event.getId()).with(as(organizer)))
                .andExpect(content().string(containsString("<dt class=\"col-sm-4\">Billets par personne</dt>")))
                .andExpect(content().string(containsString("<dd class=\"col-sm-8\">3</dd>")));
    }

    private User organizer(Locale language) {
        return Accounts.signUp(accounts, Accounts.uniqueEmail("organizer"), EnumSet.of(Role.ORGANIZER), language);
    }

    private Event created(User organizer, String title, String price) throws Exception {
        return created(organizer, title, price, "10");
    }

    private Event created(User organizer, String title, String price, String maxPerPerson) throws Exception {
        String location = mvc.perform(eventForm(organizer, title, price).param("maxPerPerson", maxPerPerson)
                        .param("publish", "true"))
                .andExpect(redirectedUrlPattern("/dashboard/events/*"))
                .andReturn().getResponse().getRedirectedUrl();
        return events.get(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
    }

    private MockHttpServletRequestBuilder eventForm(User organizer, String title, String price) {
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Paris")).plusDays(10)
                .withHour(19).withMinute(0).withSecond(0).withNano(0);
        return post("/dashboard/events/new").with(csrf()).with(as(organizer))
                .param("title", title).param("category", "workshop").param("city", city)
                .param("startsAt", start.toString()).param("endsAt", start.plusHours(2).toString())
                .param("timeZone", "Europe/Paris").param("capacity", "50").param("price", price)
                .param("currency", "EUR").param("visibility", "PUBLIC");
    }

    private TicketType add(User organizer, Event event, String name, String price) {
        return testEvents.as(organizer, () -> ticketTypes.add(event.getId(), AccountPrincipal.of(organizer),
                new TicketTypeDetails(name, new BigDecimal(price), 20, 4, null, null)));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(User user) {
        return authentication(Accounts.signedIn(user));
    }
}
