package org.guichet.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A category's identifier keeps its meaning: accents go, letters are spelt out, nothing is silently lost. */
class CategoryIdentifierTests {

    @ParameterizedTest
    @CsvSource({
            "Théâtre, theatre",
            "Œuvres d’art, oeuvres-d-art",
            "Straße, strasse",
            "Łódź, lodz",
            "Ærø, aero",
            "  Ciné-club  , cine-club",
            "Jazz & Blues!, jazz-blues",
            "theatre, theatre"
    })
    void spellsOutWhatItCannotKeep(String typed, String identifier) {
        assertThat(CategoryAdmin.identifierFor(typed)).isEqualTo(identifier);
    }
}
