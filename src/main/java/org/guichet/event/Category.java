package org.guichet.event;

import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A kind of event (Conference, Workshop…), named in each language Guichet speaks. */
@Entity
@Table(name = "categories")
public class Category {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;

    private String nameEn;

    private String nameFr;

    protected Category() {
    }

    public Category(String slug, String nameEn, String nameFr) {
        this.slug = slug;
        this.nameEn = nameEn;
        this.nameFr = nameFr;
    }

    void rename(String nameEn, String nameFr) {
        this.nameEn = nameEn;
        this.nameFr = nameFr;
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getNameEn() {
        return nameEn;
    }

    public String getNameFr() {
        return nameFr;
    }

    public String name(Locale locale) {
        return Locale.FRENCH.getLanguage().equals(locale.getLanguage()) ? nameFr : nameEn;
    }
}
