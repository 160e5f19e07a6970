package org.guichet.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Calendar files served from Guichet's domain: nothing a visitor types adds a line to them. */
@IntegrationTest
class CalendarFileTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents testEvents;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "plain title            | plain title",
            "a\\b                   | a\\\\b",
            "one;two,three          | one\\;two\\,three",
    })
    void textValuesAreEscapedAsRfc5545Says(String text, String escaped) {
        assertThat(CalendarFile.escape(text)).isEqualTo(escaped);
    }

    @Test
    void lineBreaksOfAnyKindBecomeEscapedNewlinesAndOtherControlsGo() {
        assertThat(CalendarFile.escape("a\r\nb\rc\nd\u0000e\u0007f")).isEqualTo("a\\nb\\nc\\nd" + "ef");
        assertThat(CalendarFile.uri("https://x.test/e?key=a\r\nATTACH:https://evil.example/x.exe"))
                .isEqualTo("https://x.test/e?key=aATTACH:https://evil.example/x.exe");
    }

    @Test
    void aKeyTypedIntoTheUrlCannotAddLinesToAPublicEventsFile() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event event = testEvents.published(organizer, testEvents.details("Concert\r\nATTACH:x;y,z", "Lyon",
                "concert", 5, "0", Visibility.PUBLIC));
        String ics = mvc.perform(get("/events/" + event.getId() + "/calendar.ics")
                        .param("key", "x\r\nATTACH:https://evil.example/x.exe"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Arrays.stream(ics.split("\r\n")).map(line -> line.split(":", 2)[0]))
                .as("only the properties Guichet writes, no ATTACH").doesNotContain("ATTACH")
                .contains("BEGIN", "SUMMARY", "URL", "END");
        assertThat(ics).doesNotContain("evil.example").contains("URL:http");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void everyLineIsFoldedAt75Octets() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event event = testEvents.published(organizer, testEvents.details("Très long titre ".repeat(8).strip(),
                "Lyon", "concert", 5, "0", Visibility.PUBLIC));
        String ics = mvc.perform(get("/events/" + event.getId() + "/calendar.ics"))
                .andReturn().getResponse().getContentAsString();
        assertThat(ics.split("\r\n")).allSatisfy(line ->
                assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(ics).contains("\r\n ");
    }
}
