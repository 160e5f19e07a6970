package org.guichet.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * A list's {@code ?page=&size=}: pages numbered from 0, {@value #DEFAULT_SIZE} items by default, at most
 * {@value #MAX_SIZE}; a larger or negative value is refused (400 problem, {@code errors} naming the field). Taken
 * by a controller as {@code @Valid @ParameterObject PageQuery paging}.
 */
public record PageQuery(
        @Parameter(description = "Page number, from 0") @Min(value = 0, message = "{api.page.number.min}") Integer page,
        @Parameter(description = "Items per page, 1 to " + PageQuery.MAX_SIZE)
        @Min(value = 1, message = "{api.page.size.min}") @Max(value = MAX_SIZE, message = "{api.page.size.max}")
        Integer size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public int number() {
        return page == null ? 0 : page;
    }

    public int pageSize() {
        return size == null ? DEFAULT_SIZE : size;
    }

    public Pageable pageable(Sort sort) {
        return PageRequest.of(number(), pageSize(), sort);
    }

    public Pageable pageable() {
        return pageable(Sort.unsorted());
    }

    /** One page of a list already in memory (a short one: categories), as a service's {@code Page} would be. */
    public <T> Page<T> of(List<T> all) {
        Pageable pageable = pageable();
        int from = (int) Math.min(pageable.getOffset(), all.size());
        int to = Math.min(from + pageable.getPageSize(), all.size());
        return new PageImpl<>(all.subList(from, to), pageable, all.size());
    }
}
