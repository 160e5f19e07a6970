package org.guichet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/** French and English stay complete, and no page template holds text that skips the bundles. */
class I18nBundlesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** Words that are the same in every language: the brand and language codes. */
    private static final Set<String> UNTRANSLATED_ALLOWED = Set.of("Guichet", "EN", "FR");
    private static final Set<String> TRANSLATED_TEXT_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label");
    private static final Pattern NO_WORDS = Pattern.compile("[\\s\\p{Punct}\\d·©→←…]*");

    @Test
    void everyKeyExistsInEnglishAndInFrench() throws IOException {
        Set<String> english = keys("messages/messages.properties");
        Set<String> french = keys("messages/messages_fr.properties");
        assertThat(difference(english, french)).as("keys missing in French").isEmpty();
        assertThat(difference(french, english)).as("keys missing in English").isEmpty();
    }

    @Test
    void noTemplateHoldsRawTextOutsideTheBundles() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".html")).toList()) {
                Document page = Jsoup.parse(Files.readString(file));
                for (Element element : page.getAllElements()) {
                    if (isReplacedAtRender(element)) {
                        continue;
                    }
                    for (TextNode text : element.textNodes()) {
                        String words = text.text().strip();
                        if (!NO_WORDS.matcher(words).matches() && !UNTRANSLATED_ALLOWED.contains(words)) {
                            offenders.add(TEMPLATES.relativize(file) + ": \"" + words + "\"");
                        }
                    }
                    for (String attribute : TRANSLATED_TEXT_ATTRIBUTES) {
                        String value = element.attr(attribute);
                        if (!value.isBlank() && !NO_WORDS.matcher(value).matches()) {
                            offenders.add(TEMPLATES.relativize(file) + ": " + attribute + "=\"" + value + "\"");
                        }
                    }
                }
            }
        }
        assertThat(offenders).as("text that does not go through the message bundles").isEmpty();
    }

    @Test
    void theCheckCatchesRawText() {
        Element paragraph = Jsoup.parse("<p>Hello there</p>").selectFirst("p");
        assertThat(isReplacedAtRender(paragraph)).isFalse();
        assertThat(NO_WORDS.matcher(paragraph.text()).matches()).isFalse();
    }

    /** Prototype text inside th:text, th:utext, th:errors or a replaced fragment never reaches a page. */
    private static boolean isReplacedAtRender(Element element) {
        for (Element current = element; current != null; current = current.parent()) {
            if (current.hasAttr("th:text") || current.hasAttr("th:utext") || current.hasAttr("th:errors")
                    || current.hasAttr("th:replace") && current != element.ownerDocument()
                    && !current.tagName().equals("html")) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream input = I18nBundlesTests.class.getClassLoader().getResourceAsStream(resource);
                Reader reader = new java.io.InputStreamReader(input, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    private static Set<String> difference(Set<String> left, Set<String> right) {
        Set<String> missing = new TreeSet<>(left);
        missing.removeAll(right);
        return missing;
    }
}
