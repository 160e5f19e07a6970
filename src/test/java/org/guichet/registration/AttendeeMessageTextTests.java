package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How a typed message becomes the mail's paragraphs, and how forms name an audience. */
class AttendeeMessageTextTests {

    @Test
    void blankLinesSeparateParagraphsAndSingleLineBreaksAreKeptWithinOne() {
        assertThat(AttendeeMessages.paragraphs("Hello all,\nDoors open at 7.\n\n\n  \nBring your ticket.  \nSee you"))
                .containsExactly(List.of("Hello all,", "Doors open at 7."), List.of("Bring your ticket.", "See you"));
        assertThat(AttendeeMessages.paragraphs("One line")).containsExactly(List.of("One line"));
        assertThat(AttendeeMessages.paragraphs("<b>kept as typed</b> & {{x}}"))
                .containsExactly(List.of("<b>kept as typed</b> & {{x}}"));
    }

    @Test
    void anAudienceIsReadAsFormsWriteItAndAnythingElseIsNone() {
        assertThat(MessageAudience.parse("all")).isEqualTo(MessageAudience.ALL);
        assertThat(MessageAudience.parse("not-checked-in")).isEqualTo(MessageAudience.NOT_CHECKED_IN);
        assertThat(MessageAudience.parse("type-42")).isEqualTo(MessageAudience.ofType(42));
        assertThat(MessageAudience.ofType(42).value()).isEqualTo("type-42");
        for (String unknown : new String[] {null, "", "ALL", "type-", "type--1", "type-4x", "type-99999999999999999999",
                "everyone"}) {
            assertThat(MessageAudience.parse(unknown)).as(String.valueOf(unknown)).isNull();
        }
    }
}
