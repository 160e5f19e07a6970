package org.guichet.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class EventSearchTests {

    @Test
    void readsEveryFilter() {
        EventSearch search = EventSearch.parse(" Café  Jazz ", "concert", "Lyon", "2026-12-01", "2026-12-31", "paid",
                "popular", "2");
        assertThat(search.words()).containsExactly("cafe", "jazz");
        assertThat(search.from()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(search.price()).isEqualTo(EventSearch.PriceFilter.PAID);
        assertThat(search.sort()).isEqualTo(EventSearch.Sort.POPULAR);
        assertThat(search.page()).isEqualTo(2);
        assertThat(search.ignored()).isEmpty();
        assertThat(search.pageLink(3))
                .isEqualTo("/events?q=Caf%C3%A9%20%20Jazz&category=concert&city=Lyon&from=2026-12-01&to=2026-12-31&price=paid&sort=popular&page=3");
    }

    @Test
    void dropsNonsenseAndSaysWhat() {
        EventSearch search = EventSearch.parse(null, "", null, "yesterday", "2026-01-01", "cheap", "random", "-4");
        assertThat(search.from()).isNull();
        assertThat(search.price()).isNull();
        assertThat(search.sort()).isEqualTo(EventSearch.Sort.DATE);
        assertThat(search.page()).isEqualTo(1);
        assertThat(search.ignored()).containsExactly("from", "price", "sort", "page");
        assertThat(search.isFiltered()).isTrue();
    }

    @Test
    void refusesAnEndBeforeTheStart() {
        EventSearch search = EventSearch.parse(null, null, null, "2026-12-10", "2026-12-01", null, null, null);
        assertThat(search.to()).isNull();
        assertThat(search.ignored()).containsExactly("to");
    }
}
