package org.guichet.event;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The categories every Guichet starts with; an admin may add or remove others. */
@Service
public class StandardCategories {

    static final List<Category> ALL = List.of(
            new Category("conference", "Conference", "Conférence"),
            new Category("workshop", "Workshop", "Atelier"),
            new Category("concert", "Concert", "Concert"),
            new Category("meetup", "Meetup", "Meetup"),
            new Category("sport", "Sport", "Sport"),
            new Category("festival", "Festival", "Festival"),
            new Category("exhibition", "Exhibition", "Exposition"),
            new Category("networking", "Networking", "Networking"));

    private final CategoryRepository categories;

    StandardCategories(CategoryRepository categories) {
        this.categories = categories;
    }

    /** Adds the standard categories that are missing; returns how many it added. */
    @Transactional
    public int addMissing() {
        int added = 0;
        for (Category standard : ALL) {
            if (categories.findBySlug(standard.getSlug()).isEmpty()) {
                categories.save(new Category(standard.getSlug(), standard.getNameEn(), standard.getNameFr()));
                added++;
            }
        }
        return added;
    }
}
