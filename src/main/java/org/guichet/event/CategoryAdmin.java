package org.guichet.event;

import java.util.List;
import org.guichet.shared.Refusal;

import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Category management, for administrators only. */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class CategoryAdmin {

    private final CategoryRepository categories;
    private final EventRepository events;

    CategoryAdmin(CategoryRepository categories, EventRepository events) {
        this.categories = categories;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<Category> all() {
        return categories.findAll(Sort.by("slug"));
    }

    /**
     * The identifier a category typed as {@code slug} would get: lower case, accents removed and letters such as
     * "œ" spelt out ("Théâtre" is "theatre"), anything else a dash.
     */
    public static String identifierFor(String slug) {
        return Texts.slug(slug);
    }

    /**
     * Adds a category. An identifier is never changed behind the administrator's back: one that is not already
     * in its clean form is refused with the clean form proposed ({@code category.error.slugProposed}), to be
     * confirmed or changed.
     */
    @Transactional
    public Category add(String slug, String nameEn, String nameFr) {
        String cleanSlug = Texts.slug(slug);
        if (cleanSlug.isEmpty()) {
            throw Refusal.at("slug", "category.error.slug");
        }
        checkNames(nameEn, nameFr);
        if (!cleanSlug.equals(slug.strip())) {
            throw Refusal.at("slug", "category.error.slugProposed", cleanSlug);
        }
        if (categories.findBySlug(cleanSlug).isPresent()) {
            throw Refusal.at("slug", "category.error.slugTaken");
        }
        return categories.save(new Category(cleanSlug, nameEn.strip(), nameFr.strip()));
    }

    @Transactional
    public void rename(long id, String nameEn, String nameFr) {
        checkNames(nameEn, nameFr);
        categories.findById(id).orElseThrow(() -> new Refusal("category.error.missing"))
                .rename(nameEn.strip(), nameFr.strip());
    }

    @Transactional(readOnly = true)
    public Category one(long id) {
        return categories.findById(id).orElseThrow(() -> new Refusal("category.error.missing"));
    }

    @Transactional(readOnly = true)
    public boolean inUse(long id) {
        return events.existsByCategoryId(id);
    }

    @Transactional
    public void delete(long id) {
        Category category = categories.findById(id)
                .orElseThrow(() -> new Refusal("category.error.missing"));
        if (events.existsByCategoryId(id)) {
            throw new Refusal("category.error.inUse");
        }
        categories.delete(category);
    }

    private static void checkNames(String nameEn, String nameFr) {
        if (nameEn == null || nameEn.isBlank() || nameFr == null || nameFr.isBlank()
                || nameEn.strip().length() > 100 || nameFr.strip().length() > 100) {
            throw Refusal.at("name", "category.error.names");
        }
    }
}
