package org.guichet.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/** Turns the listing's filters into one SQL query; only the filters given become conditions. */
final class EventSpecifications {

    private EventSpecifications() {
    }

    static Specification<Event> publicListing(EventSearch search, Instant now) {
        return (event, query, cb) -> {
            List<Predicate> conditions = new ArrayList<>();
            conditions.add(cb.equal(event.get("status"), EventStatus.PUBLISHED));
            conditions.add(cb.equal(event.get("visibility"), Visibility.PUBLIC));
            conditions.add(cb.greaterThan(event.get("endsAt"), now));
            for (String word : search.words()) {
                conditions.add(cb.like(event.get("searchText"), "%" + escapeLike(word) + "%", '\\'));
            }
            if (search.category() != null) {
                conditions.add(cb.equal(event.get("category").get("slug"), search.category()));
            }
            if (search.city() != null) {
                conditions.add(cb.equal(event.get("cityKey"), Texts.searchable(search.city())));
            }
            if (search.from() != null) {
                conditions.add(cb.greaterThanOrEqualTo(event.get("startsAt"),
                        search.from().atStartOfDay(EventSearch.FILTER_ZONE).toInstant()));
            }
            if (search.to() != null) {
                conditions.add(cb.lessThan(event.get("startsAt"),
                        search.to().plusDays(1).atStartOfDay(EventSearch.FILTER_ZONE).toInstant()));
            }
            // from its ticket types: free when every type is free, paid when at least one is not
            if (search.price() == EventSearch.PriceFilter.FREE) {
                conditions.add(cb.equal(event.get("highestPrice"), BigDecimal.ZERO));
            } else if (search.price() == EventSearch.PriceFilter.PAID) {
                conditions.add(cb.greaterThan(event.get("highestPrice"), BigDecimal.ZERO));
            }
            return cb.and(conditions.toArray(Predicate[]::new));
        };
    }

    static Pageable page(EventSearch search) {
        return PageRequest.of(search.page() - 1, EventSearch.PAGE_SIZE, order(search));
    }

    /** The listing's order for the search's sort, ties broken by id so pages never overlap. */
    static Sort order(EventSearch search) {
        return switch (search.sort()) {
            case DATE -> Sort.by("startsAt", "id");
            case NEWEST -> Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("id"));
            case POPULAR -> Sort.by(Sort.Order.desc("seatsTaken"), Sort.Order.asc("startsAt"), Sort.Order.asc("id"));
        };
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
