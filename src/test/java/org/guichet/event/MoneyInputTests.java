package org.guichet.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Amounts as people type them, in French and in English: read exactly, or refused with the reason; never guessed. */
class MoneyInputTests {

    private static final Locale FRENCH = Locale.FRENCH;
    private static final Locale ENGLISH = Locale.ENGLISH;

    @ParameterizedTest(name = "{0}: \"{1}\" is {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "fr | 12,50           | 12.50",
            "fr | 12.50           | 12.50",
            "fr | 12              | 12.00",
            "fr | 0               | 0.00",
            "fr | 12,5            | 12.50",
            "fr | 12.5            | 12.50",
            "fr | \" 12,50 \"     | 12.50",
            "fr | 1250,50         | 1250.50",
            "fr | 1 250,50        | 1250.50",
            "fr | 1\u00A0250,50   | 1250.50",
            "fr | 1\u202F250,50   | 1250.50",
            "fr | 1 250           | 1250.00",
            "fr | 1 250 000,00    | 1250000.00",
            "en | 12.50           | 12.50",
            "en | 12              | 12.00",
            "en | 12.5            | 12.50",
            "en | 1,250.50        | 1250.50",
            "en | 1250.50         | 1250.50",
            "en | 1,250           | 1250.00",
            "en | 1,250,000.99    | 1250000.99",
    })
    void readsWhatIsClearInTheUsersOwnFormat(String language, String typed, String expected) {
        BigDecimal amount = MoneyInput.parse(typed, Locale.forLanguageTag(language));
        assertThat(amount).isEqualByComparingTo(expected);
        assertThat(amount.scale()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}: \"{1}\" is refused ({2})")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "fr | 1.250       | money.error.ambiguous",
            "fr | 12.505      | money.error.ambiguous",
            "fr | 12,505      | money.error.decimals",
            "fr | 12,5,0      | money.error.format",
            "fr | 12,50,      | money.error.format",
            "fr | 1.250,50    | money.error.format",
            "fr | 12 50       | money.error.format",
            "fr | 1  250      | money.error.format",
            "fr | douze       | money.error.format",
            "fr | 12,50 €     | money.error.format",
            "fr | 12a         | money.error.format",
            "fr | ,50         | money.error.format",
            "fr | -12,50      | money.error.negative",
            "fr | 1,2345      | money.error.decimals",
            "en | 12,50       | money.error.format",
            "en | 12.505      | money.error.decimals",
            "en | 12.5.0      | money.error.format",
            "en | 1 250.50    | money.error.format",
            "en | 1,25,0.50   | money.error.format",
            "en | twelve      | money.error.format",
            "en | 1e3         | money.error.format",
            "en | -1          | money.error.negative",
            "en | 123456789012345678901 | money.error.format",
    })
    void refusesWhatIsAmbiguousOrMalformed(String language, String typed, String messageKey) {
        MoneyInput.Rejected rejected = catchThrowableOfType(MoneyInput.Rejected.class,
                () -> MoneyInput.parse(typed, Locale.forLanguageTag(language)));
        assertThat(rejected).as("\"%s\" must be refused", typed).isNotNull();
        assertThat(rejected.messageKey()).isEqualTo(messageKey);
    }

    @ParameterizedTest(name = "\"{0}\" is nothing typed")
    @CsvSource(quoteCharacter = '"', value = {"\"\"", "\"   \""})
    void nothingTypedIsNoAmount(String typed) {
        assertThat(MoneyInput.parse(typed, FRENCH)).isNull();
        assertThat(MoneyInput.parse(null, ENGLISH)).isNull();
    }

    @ParameterizedTest(name = "{1} is shown as \"{2}\" in {0} and read back as itself")
    @CsvSource(delimiter = '|', value = {
            "fr | 12.50   | 12,50",
            "fr | 1250.5  | 1250,50",
            "fr | 0       | 0,00",
            "en | 12.50   | 12.50",
            "en | 1250.5  | 1250.50",
    })
    void showsAnAmountAsTheUserTypesItAndReadsItBackUnchanged(String language, BigDecimal amount, String shown) {
        Locale locale = Locale.forLanguageTag(language);
        assertThat(MoneyInput.format(amount, locale)).isEqualTo(shown);
        assertThat(MoneyInput.parse(shown, locale)).isEqualByComparingTo(amount);
    }

    @ParameterizedTest(name = "the ambiguity of \"{0}\" names {1}")
    @CsvSource(delimiter = '|', value = {"1.250 | 1250"})
    void explainsAnAmbiguityWithTheReadingWithoutThePoint(String typed, String withoutPoint) {
        MoneyInput.Rejected rejected = catchThrowableOfType(MoneyInput.Rejected.class,
                () -> MoneyInput.parse(typed, FRENCH));
        assertThat(rejected.arguments()).containsExactly(typed, withoutPoint, "12,50");
    }
}
