package org.guichet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every counted message (one holding a {@code choice}) reads correctly for 0, 1 and 2 in English and in French:
 * French puts 0 and 1 in the singular, English only 1; a count never falls into another count's branch.
 */
class CountedMessagesTests {

    private static final Locale FRENCH = Locale.FRENCH;
    private static final Locale ENGLISH = Locale.ENGLISH;

    /** Plural nouns and agreeing words that must never follow a singular count within three words. */
    private static final Set<String> ENGLISH_PLURALS = Set.of("tickets", "seats", "people", "persons", "registrations",
            "payments", "refunds", "events", "hours", "days", "minutes", "seconds", "attempts", "tokens", "endpoints",
            "megapixels", "types", "times", "places", "orders");
    private static final Set<String> FRENCH_PLURALS = Set.of("billets", "places", "personnes", "inscriptions",
            "paiements", "remboursements", "événements", "heures", "jours", "minutes", "secondes", "tentatives",
            "jetons", "adresses", "mégapixels", "vendus", "vendues", "retenues", "prises", "entrés", "types",
            "nouvelles", "commandes", "annulés", "reçus", "détenteurs");
    private static final Pattern COUNT = Pattern.compile("(?<![\\d.,\\p{L}])([012])(?![\\d.,])");
    private static final Pattern NUMERIC_ARGUMENT = Pattern.compile("\\{(\\d+),(?:choice|number)");
    private static final Pattern ANY_ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");

    private final ResourceBundleMessageSource messages = appMessages();

    /** Configured as application.properties configures the application's one. */
    private static ResourceBundleMessageSource appMessages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void everyCountedMessageAgreesWithItsCountFor0And1And2() throws IOException {
        Properties english = bundle("messages/messages.properties");
        Properties french = bundle("messages/messages_fr.properties");
        Set<String> counted = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            if (english.getProperty(key).contains(",choice,") || french.getProperty(key, "").contains(",choice,")) {
                counted.add(key);
            }
        }
        assertThat(counted).as("the counted messages found").hasSizeGreaterThan(40)
                .contains("event.detail.seatsLeft", "event.detail.seats", "dashboard.seats", "registration.error.tooMany",
                        "dashboard.fill.label", "dashboard.fill.held", "dashboard.figures.ofSold", "ticketType.sold",
                        "event.error.capacityBelowTaken", "mail.email-verification.validity",
                        "account.apiTokens.error.tooMany", "attendees.count", "checkin.matches");

        List<String> mismatches = new ArrayList<>();
        for (String key : counted) {
            Set<Integer> numeric = arguments(NUMERIC_ARGUMENT, english.getProperty(key) + french.getProperty(key));
            int arity = arguments(ANY_ARGUMENT, english.getProperty(key) + french.getProperty(key)).stream()
                    .mapToInt(Integer::intValue).max().orElse(-1) + 1;
            for (int n = 0; n <= 2; n++) {
                Object[] args = new Object[arity];
                for (int i = 0; i < arity; i++) {
                    args[i] = numeric.contains(i) ? (Object) n : "Zoé";
                }
                String inEnglish = messages.getMessage(key, args, ENGLISH);
                String inFrench = messages.getMessage(key, args, FRENCH);
                check(mismatches, key, n, "en", inEnglish, n == 1, ENGLISH_PLURALS);
                check(mismatches, key, n, "fr", inFrench, n <= 1, FRENCH_PLURALS);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void zeroNeverFallsIntoTheBranchOfOne() throws IOException {
        for (String path : List.of("messages/messages.properties", "messages/messages_fr.properties")) {
            Properties bundle = bundle(path);
            for (String key : bundle.stringPropertyNames()) {
                assertThat(bundle.getProperty(key)).as(path + " " + key + ": a choice starting with its 0# branch")
                        .doesNotContainPattern("\\{\\d+,choice,(?!0#)");
            }
        }
    }

    @Test
    void seatsLeftSaysTheCapacityWhenNothingIsSoldAndOneSeatInTheSingular() {
        assertThat(messages.getMessage("event.detail.seats", new Object[] {30}, FRENCH)).isEqualTo("30 places");
        assertThat(messages.getMessage("event.detail.seatsLeft", new Object[] {1, 30}, FRENCH))
                .isEqualTo("Plus qu’une place sur 30");
        assertThat(messages.getMessage("event.detail.seatsLeft", new Object[] {3, 30}, FRENCH))
                .isEqualTo("Plus que 3 places sur 30");
        assertThat(messages.getMessage("event.detail.seats", new Object[] {1}, FRENCH)).isEqualTo("1 place");
        assertThat(messages.getMessage("event.detail.seats", new Object[] {30}, ENGLISH)).isEqualTo("30 seats");
        assertThat(messages.getMessage("event.detail.seatsLeft", new Object[] {1, 30}, ENGLISH))
                .isEqualTo("Only one seat left out of 30");
        assertThat(messages.getMessage("event.detail.seatsLeft", new Object[] {3, 30}, ENGLISH))
                .isEqualTo("3 of 30 seats left");
    }

    @Test
    void theOtherCountsNamedInTheIssueRead() {
        assertThat(messages.getMessage("attendees.row.notCheckedIn", null, FRENCH)).isEqualTo("Pas encore entré");
        assertThat(messages.getMessage("registration.error.tooMany", new Object[] {1, "VIP"}, FRENCH))
                .isEqualTo("Au plus 1 billet « VIP » par commande.");
        assertThat(messages.getMessage("registration.error.tooMany", new Object[] {1, "VIP"}, ENGLISH))
                .isEqualTo("At most 1 “VIP” ticket per order.");
        assertThat(messages.getMessage("dashboard.fill.label", new Object[] {1, 30, 0}, FRENCH))
                .isEqualTo("1 place vendue sur 30, 0 retenue");
        assertThat(messages.getMessage("dashboard.fill.label", new Object[] {2, 30, 3}, FRENCH))
                .isEqualTo("2 places vendues sur 30, 3 retenues");
        assertThat(messages.getMessage("dashboard.seats", new Object[] {0, 1}, ENGLISH)).isEqualTo("0 / 1 seat");
        assertThat(messages.getMessage("dashboard.figures.ofSold", new Object[] {0}, FRENCH)).isEqualTo("sur 0 vendu");
        assertThat(messages.getMessage("ticketType.sold", new Object[] {1, 50}, FRENCH)).isEqualTo("1 / 50 vendu");
        assertThat(messages.getMessage("mail.password-reset.validity", new Object[] {1}, ENGLISH))
                .isEqualTo("The link is valid for 1 minute and works once.");
        assertThat(messages.getMessage("limits.in.seconds", new Object[] {0}, FRENCH)).isEqualTo("dans 0 seconde");
        assertThat(messages.getMessage("limits.in.seconds", new Object[] {0}, ENGLISH)).isEqualTo("in 0 seconds");
    }

    /** A singular count (0 or 1 in French, 1 in English) followed within three words by a plural. */
    private static void check(List<String> mismatches, String key, int n, String language, String text,
            boolean singular, Set<String> plurals) {
        if (text.contains("{") || text.contains("}")) {
            mismatches.add(language + " " + key + "(" + n + "): unformatted: " + text);
        }
        if (!singular) {
            return;
        }
        Matcher count = COUNT.matcher(text);
        while (count.find()) {
            if (Integer.parseInt(count.group(1)) != n) {
                continue;
            }
            String[] following = text.substring(count.end()).strip().split("\\s+");
            for (int i = 0; i < Math.min(3, following.length); i++) {
                String word = following[i].replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
                if (plurals.contains(word)) {
                    mismatches.add(language + " " + key + "(" + n + "): " + text);
                }
            }
        }
    }

    private static Set<Integer> arguments(Pattern pattern, String value) {
        Set<Integer> indexes = new TreeSet<>();
        Matcher matcher = pattern.matcher(value);
        while (matcher.find()) {
            indexes.add(Integer.parseInt(matcher.group(1)));
        }
        return indexes;
    }

    private static Properties bundle(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = CountedMessagesTests.class.getClassLoader().getResourceAsStream(path)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
