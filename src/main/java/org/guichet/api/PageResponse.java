package org.guichet.api;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * The one shape of every list the API answers: {@code {"content": [...], "page": {"number", "size",
 * "totalElements", "totalPages"}}}.
 */
public record PageResponse<T>(List<T> content, PageMetadata page) {

    public record PageMetadata(int number, int size, long totalElements, int totalPages) {
    }

    /** A service's page, each item turned into what the API shows of it. */
    public static <E, T> PageResponse<T> of(Page<E> page, Function<? super E, ? extends T> shown) {
        List<T> content = page.getContent().stream().<T>map(shown).toList();
        return new PageResponse<>(content, new PageMetadata(page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages()));
    }
}
