package org.guichet.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.shared.Refusal;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every stored text is checked against its column and refused beside its field, never left to the database. */
@IntegrationTest
class EventLengthsTests {

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents testEvents;

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({"venueName, 150", "address, 250", "city, 100", "country, 100", "onlineUrl, 500"})
    void aTextPastItsColumnIsRefusedBesideItsField(String field, int max) {
        User organizer = Accounts.organizer(accounts);
        EventDetails base = testEvents.details("Trop long", "Lyon", "concert", 5, "0", Visibility.PUBLIC);
        String tooLong = field.equals("onlineUrl") ? "https://x.test/" + "a".repeat(max) : "a".repeat(max + 1);
        EventDetails details = new EventDetails(base.title(), base.description(), base.categorySlug(),
                field.equals("venueName") ? tooLong : base.venueName(), field.equals("address") ? tooLong : base.address(),
                field.equals("city") ? tooLong : base.city(), field.equals("country") ? tooLong : base.country(),
                field.equals("onlineUrl") ? tooLong : base.onlineUrl(), base.startsAt(), base.endsAt(), base.timeZone(),
                base.capacity(), base.price(), base.currency(), base.visibility(), base.refundsUntil());
        Refusal refused = catchThrowableOfType(Refusal.class, () -> testEvents.draft(organizer, details));
        assertThat(refused).isNotNull();
        assertThat(refused.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.field()).isEqualTo(field);
            assertThat(reason.messageKey()).isEqualTo("field.error.tooLong");
            assertThat(reason.arguments()).containsExactly(max);
        });
    }

    @Test
    void aDescriptionWhoseEscapedPageWouldOutgrowItsColumnIsRefused() {
        User organizer = Accounts.organizer(accounts);
        EventDetails base = testEvents.details("Chevrons", "Lyon", "concert", 5, "0", Visibility.PUBLIC);
        EventDetails details = new EventDetails(base.title(), "<".repeat(20_000), base.categorySlug(), base.venueName(),
                base.address(), base.city(), base.country(), base.onlineUrl(), base.startsAt(), base.endsAt(),
                base.timeZone(), base.capacity(), base.price(), base.currency(), base.visibility(), base.refundsUntil());
        Refusal refused = catchThrowableOfType(Refusal.class, () -> testEvents.draft(organizer, details));
        assertThat(refused).isNotNull();
        assertThat(refused.field()).isEqualTo("description");
        assertThat(refused.messageKey()).isEqualTo("event.error.descriptionMarkup");
    }
}
