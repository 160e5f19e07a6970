package org.guichet.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.Role;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.EventDetails;
import org.guichet.event.EventService;
import org.guichet.event.Visibility;
import org.guichet.registration.Order;
import org.guichet.registration.ParticipantOrders;
import org.guichet.registration.Ticket;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.MailParts;
import org.guichet.support.MutableClock;
import org.guichet.support.TestEvents;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Hostile text stored everywhere one person can type it (an organizer's and a buyer's names, an event's every
 * text, a ticket's attendee), then read back through everything Guichet renders besides pages: the mails' HTML,
 * the ticket PDF, the attendee exports and the calendar files. Markup stays text, formulas stay text, and no
 * line is injected into a calendar file.
 */
@IntegrationTest
class HostileOutputsTests {

    private static final String FORMULA = "=HYPERLINK(\"http://evil.test\",\"x\")";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    EventService events;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    ParticipantOrders orders;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TestMail mail;

    @Autowired
    MutableClock clock;

    @Test
    void hostileTextStaysTextInMailsPdfsExportsAndCalendarFiles() throws Exception {
        User organizer = Accounts.signUp(accounts, Accounts.uniqueEmail("hostile-organizer"), EnumSet.of(Role.ORGANIZER),
                Locale.ENGLISH);
        User signedUp = organizer;
        User owner = testEvents.as(signedUp, () -> accounts.updateProfile(signedUp.getId(),
                HostileValues.MARKUP.get(0), FORMULA, Locale.ENGLISH));
        User participant = Accounts.participant(accounts);
        User buyer = testEvents.as(participant, () -> accounts.updateProfile(participant.getId(), "@SUM(1)+2",
                HostileValues.MARKUP.get(1), Locale.ENGLISH));

        Instant start = clock.instant().plus(Duration.ofDays(9));
        EventDetails details = new EventDetails(FORMULA + " " + HostileValues.MARKUP.get(2),
                "Hello " + HostileValues.MARKUP.get(0) + "\n\n[click](javascript:alert(1)) "
                        + HostileValues.MARKUP.get(1),
                "conference", HostileValues.MARKUP.get(3), "1 rue\r\nBEGIN:VALARM\r\nTRIGGER:-PT1M", "Lyon;X-INJECT:1,\\",
                "-2+3", null, start, start.plus(Duration.ofHours(2)), ZoneId.of("Europe/Paris"), 50,
                BigDecimal.ZERO, "EUR", Visibility.PUBLIC);
        Event event = testEvents.as(owner, () -> events.create(AccountPrincipal.of(owner), details, null, true));
        long typeId = ticketTypes.of(event.getId()).get(0).getId();
        Order order = testEvents.register(buyer, event.getId(), typeId, 1);
        User holder = buyer;
        Ticket ticket = testEvents.as(holder, () -> orders.ticketsOf(AccountPrincipal.of(holder))).stream()
                .filter(one -> one.getOrder().getId().equals(order.getId())).findFirst().orElseThrow();
        testEvents.as(holder, () -> orders.nameAttendee(AccountPrincipal.of(holder), ticket.getId(),
                "+" + HostileValues.MARKUP.get(2)));
        String invited = Accounts.uniqueEmail("hostile-invited");
        testEvents.as(owner, () -> {
            events.invite(event.getId(), AccountPrincipal.of(owner), invited);
            return null;
        });

        List<String> problems = new ArrayList<>();
        MimeMessage confirmation = mail.deliverAndRead(buyer.getEmail()).get(0);
        noRawMarkup("the confirmation mail", html(confirmation), problems);
        noRawMarkup("the invitation mail", html(mail.deliverAndRead(invited).get(0)), problems);
        String pdf = MailParts.pdfText(confirmation, "tickets-" + order.getReference());
        assertThat(pdf).as("the ticket PDF shows the title as typed").contains("HYPERLINK");
        calendar("the mailed calendar file", MailParts.text(confirmation, "event-" + event.getId() + ".ics"),
                problems);

        calendar("the event's calendar file", download(get("/events/" + event.getId() + "/calendar.ics"), null),
                problems);
        calendar("the ticket's calendar file", download(get("/tickets/" + ticket.getId() + "/calendar.ics"), buyer),
                problems);
        MockHttpServletResponse ticketPdf = response(get("/tickets/" + ticket.getId() + "/ticket.pdf"), buyer);
        assertThat(ticketPdf.getStatus()).as("the ticket PDF renders").isEqualTo(200);

        String csv = download(get("/dashboard/events/" + event.getId() + "/attendees.csv"), owner);
        for (String line : csv.split("\r?\n")) {
            for (String cell : line.split("[,;]")) {
                String text = cell.startsWith("\"") ? cell.substring(1) : cell;
                if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
                    problems.add("a CSV cell a spreadsheet would run: " + cell);
                }
            }
        }
        assertThat(csv).as("the CSV keeps the attendee, neutralised").contains("'+");
        MockHttpServletResponse xlsx = response(get("/dashboard/events/" + event.getId() + "/attendees.xlsx"), owner);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            for (Row row : workbook.getSheetAt(0)) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        problems.add("an XLSX formula cell: " + cell.getCellFormula());
                    } else if (cell.getCellType() == CellType.STRING && !cell.getStringCellValue().isEmpty()
                            && "=+-@".indexOf(cell.getStringCellValue().charAt(0)) >= 0) {
                        problems.add("an XLSX cell a spreadsheet would run: " + cell.getStringCellValue());
                    }
                }
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    /** The HTML part, decoded: plain text may hold anything, HTML must not run it. */
    private static String html(MimeMessage message) throws Exception {
        String html = htmlOf(message.getContent());
        assertThat(html).as("the mail has an HTML part").isNotNull();
        return html;
    }

    private static String htmlOf(Object content) throws Exception {
        if (content instanceof jakarta.mail.Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                jakarta.mail.BodyPart part = parts.getBodyPart(i);
                String found = part.isMimeType("text/html") ? (String) part.getContent() : htmlOf(part.getContent());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void noRawMarkup(String what, String decoded, List<String> problems) {
        for (String markup : HostileValues.MARKUP) {
            if (decoded.contains(markup)) {
                problems.add(what + " shows raw markup: " + markup);
            }
        }
        if (decoded.toLowerCase(Locale.ROOT).contains("href=\"javascript:")) {
            problems.add(what + " links to a script URL");
        }
    }

    /** RFC 5545: no property injected through a value, and the value's separators escaped. */
    private static void calendar(String what, String ics, List<String> problems) {
        String unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
        for (String line : unfolded.split("\r\n")) {
            if (line.startsWith("BEGIN:VALARM") || line.startsWith("TRIGGER") || line.startsWith("X-INJECT")) {
                problems.add(what + " has an injected line: " + line);
            }
            if (line.contains("\n") || line.contains("\r")) {
                problems.add(what + " has a bare line break in: " + line);
            }
        }
        if (!unfolded.contains("Lyon\\;X-INJECT:1\\,\\\\")) {
            problems.add(what + " does not escape the city as RFC 5545 says");
        }
    }

    private String download(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            User user) throws Exception {
        MockHttpServletResponse response = response(request, user);
        assertThat(response.getStatus()).as(request.toString()).isEqualTo(200);
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse response(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, User user)
            throws Exception {
        if (user != null) {
            request.with(authentication(Accounts.signedIn(user)));
        }
        return mvc.perform(request).andReturn().getResponse();
    }
}
