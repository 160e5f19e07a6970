package org.guichet.api;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.guichet.event.Category;
import org.guichet.event.EventService;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The events' categories, as the listing's filter offers them. */
@RestController
@Tag(name = "Categories")
class CategoriesController {

    record CategoryView(long id, String slug, String name, String nameEn, String nameFr) {

        static CategoryView of(Category category) {
            return new CategoryView(category.getId(), category.getSlug(), category.name(ApiProblems.locale()),
                    category.getNameEn(), category.getNameFr());
        }
    }

    private final EventService events;

    CategoriesController(EventService events) {
        this.events = events;
    }

    @GetMapping(ApiPaths.V1 + "/categories")
    @ReadScope
    @Operation(summary = "Categories, by slug; name in the Accept-Language")
    PageResponse<CategoryView> categories(@Valid @ParameterObject PageQuery paging) {
        return PageResponse.of(paging.of(events.categories()), CategoryView::of);
    }
}
