package org.guichet.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.event.Event;
import org.guichet.event.Visibility;
import org.guichet.payment.GatewayNotice;
import org.guichet.payment.PaymentService;
import org.guichet.support.Accounts;
import org.guichet.support.IntegrationTest;
import org.guichet.support.StatementCounter;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class AttendeeListTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    ParticipantOrders registrations;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    PaymentService payments;

    @Autowired
    AttendeeList attendees;

    @Autowired
    TestEvents testEvents;

    @Autowired
    JdbcTemplate jdbc;

    User organizer;
    Event event;
    long free;
    long vip;
    Order zoe;
    Order adele;
    Order marc;
    Order unpaid;

    /** Free and paid tickets: Zoé (free, checked in), Adèle (2 VIP, paid), Marc (free), Léa (VIP, unpaid hold). */
    @BeforeEach
    void mixedEvent() {
        organizer = Accounts.organizer(accounts);
        event = testEvents.published(organizer, testEvents.details("Forum " + System.nanoTime(), "Brest", "conference",
                12, "0", Visibility.PUBLIC));
        free = ticketTypes.of(event.getId()).get(0).getId();
        vip = testEvents.as(organizer, () -> ticketTypes.add(event.getId(), AccountPrincipal.of(organizer),
                new TicketTypeDetails("VIP", new BigDecimal("30.00"), 20, 5, null, null))).getId();
        zoe = register("Zoé Martin", Map.of(free, 1));
        adele = register("Adèle Bernard", Map.of(vip, 2));
        payments.handle(new GatewayNotice("sandbox", "evt_list_" + adele.getId(), GatewayNotice.Type.PAYMENT_SUCCEEDED,
                adele.getId(), new BigDecimal("60.00"), "EUR", "pi_list_" + adele.getId()));
        marc = register("Marc Petit", Map.of(free, 1));
        unpaid = register("Léa Roux", Map.of(vip, 1));
        jdbc.update("update tickets set checked_in_at = current_timestamp where order_id = ?", zoe.getId());
    }

    @Test
    void sortsByEveryColumnSearchesAndFiltersInTheDatabase() throws Exception {
        assertThat(names(AttendeeQuery.of(null, null, null, "name", "asc", 0)))
                .containsExactly("Adèle Bernard", "Adèle Bernard", "Léa Roux", "Marc Petit", "Zoé Martin");
        assertThat(names(AttendeeQuery.of(null, null, null, "name", "desc", 0)))
                .containsExactly("Zoé Martin", "Marc Petit", "Léa Roux", "Adèle Bernard", "Adèle Bernard");
        assertThat(names(AttendeeQuery.of(null, null, null, "payment", "asc", 0)))
                .containsExactly("Zoé Martin", "Marc Petit", "Adèle Bernard", "Adèle Bernard", "Léa Roux");
        assertThat(names(AttendeeQuery.of(null, null, null, "checked-in", "asc", 0))).startsWith("Zoé Martin");
        assertThat(names(AttendeeQuery.of(null, null, null, "ordered", "desc", 0))).startsWith("Léa Roux");
        assertThat(names(AttendeeQuery.of(null, null, null, "type", "desc", 0)))
                .containsExactly("Léa Roux", "Adèle Bernard", "Adèle Bernard", "Marc Petit", "Zoé Martin");
        assertThat(names(AttendeeQuery.of(null, null, null, "order-status", "asc", 0))).endsWith("Léa Roux");
        for (AttendeeQuery.Sort column : AttendeeQuery.Sort.values()) {
            assertThat(names(AttendeeQuery.of(null, null, null, column.parameter(), "desc", 0))).hasSize(5);
        }

        assertThat(names(AttendeeQuery.of("ADÈLE", null, null, null, null, 0))).containsOnly("Adèle Bernard");
        assertThat(names(AttendeeQuery.of(emailOf(marc), null, null, null, null, 0))).containsExactly("Marc Petit");
        assertThat(names(AttendeeQuery.of(unpaid.getReference().toLowerCase(), null, null, null, null, 0)))
                .containsExactly("Léa Roux");
        assertThat(names(AttendeeQuery.of("100%_", null, null, null, null, 0))).isEmpty();
        assertThat(names(AttendeeQuery.of(null, "PAID", null, null, null, 0))).containsOnly("Adèle Bernard").hasSize(2);
        assertThat(names(AttendeeQuery.of(null, "FREE", "out", null, null, 0))).containsExactly("Marc Petit");
        assertThat(names(AttendeeQuery.of(null, null, "in", null, null, 0))).containsExactly("Zoé Martin");
        assertThat(names(AttendeeQuery.of(null, "nonsense", "maybe", "password", "sideways", -3))).hasSize(5);

        mvc.perform(get("/dashboard/events/" + event.getId() + "/attendees").param("sort", "name").param("dir", "desc")
                        .param("payment", "PAID").with(as(organizer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Adèle Bernard")))
                .andExpect(content().string(containsString(adele.getReference())))
                .andExpect(content().string(not(containsString("Marc Petit"))))
                .andExpect(content().string(containsString("aria-sort=\"descending\"")));
    }

    @Test
    void pagesFiftyAtATimeAndCountsThemAll() throws Exception {
        String page = "/dashboard/events/" + event.getId() + "/attendees";
        List<String> fewTickets = statementsFor(page);
        List<User> crowd = Accounts.participants(users, passwordEncoder, 12);
        for (User each : crowd) {
            testEvents.register(each, event.getId(), free, 5);
        }
        AttendeeList.Page second = testEvents.as(organizer, () -> attendees.page(event.getId(),
                AccountPrincipal.of(organizer), AttendeeQuery.of(null, null, null, "ordered", "asc", 1)));
        assertThat(second.total()).isEqualTo(65);
        assertThat(second.pages()).isEqualTo(2);
        assertThat(second.attendees()).hasSize(15);
        AttendeeList.Page beyond = testEvents.as(organizer, () -> attendees.page(event.getId(),
                AccountPrincipal.of(organizer), AttendeeQuery.of(null, null, null, null, null, 9)));
        assertThat(beyond.page()).isEqualTo(1);
        assertThat(statementsFor(page)).as("the same statements for 5 tickets and for 65").hasSameSizeAs(fewTickets);
        assertThat(statementsFor(page + ".csv")).hasSize(statementsFor(page + ".csv?q=zzz").size());
    }

    private List<String> statementsFor(String path) throws Exception {
        mvc.perform(get(path).with(as(organizer))).andExpect(status().isOk());
        return StatementCounter.statements(() -> mvc.perform(get(path).with(as(organizer))).andExpect(status().isOk()));
    }

    @Test
    void exportsTheWholeListAsCsvAndXlsxWithFormulasNeutralised() throws Exception {
        jdbc.update("update tickets set attendee_name = ? where order_id = ?", "=HYPERLINK(\"http://evil.example\",\"x\")",
                marc.getId());
        jdbc.update("update tickets set attendee_name = ? where order_id = ?", "@SUM(A1:A9)", unpaid.getId());

        byte[] csv = mvc.perform(get("/dashboard/events/" + event.getId() + "/attendees.csv").with(as(organizer)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("Name,Email,Ordered,Ticket type,Order,Payment,Reference,Checked in");
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"", "'@SUM(A1:A9)",
                "Adèle Bernard", "Zoé Martin", "Awaiting payment", adele.getReference());
        assertThat(lines).noneMatch(line -> line.startsWith("=") || line.startsWith("@"));

        byte[] xlsx = mvc.perform(get("/dashboard/events/" + event.getId() + "/attendees.xlsx").param("sort", "name")
                        .with(as(organizer)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(6);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Name");
            List<String> names = new ArrayList<>();
            for (Row row : sheet) {
                assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
                names.add(row.getCell(0).getStringCellValue());
            }
            assertThat(names).contains("'=HYPERLINK(\"http://evil.example\",\"x\")", "'@SUM(A1:A9)", "Zoé Martin");
            assertThat(sheet.getRow(1).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
        }
    }

    @Test
    void onlyTheOrganizerAndAnAdminSeeOrExportIt() throws Exception {
        String list = "/dashboard/events/" + event.getId() + "/attendees";
        User rival = Accounts.organizer(accounts);
        User participant = Accounts.participant(accounts);
        for (String path : List.of(list, list + ".csv", list + ".xlsx")) {
            mvc.perform(get(path).with(as(rival))).andExpect(status().isNotFound());
            mvc.perform(get(path).with(as(participant))).andExpect(status().isNotFound());
            mvc.perform(get(path)).andExpect(status().is3xxRedirection());
            mvc.perform(get(path).with(as(Accounts.admin(users, passwordEncoder)))).andExpect(status().isOk());
        }
        mvc.perform(get("/dashboard/events/999999999/attendees").with(as(organizer))).andExpect(status().isNotFound());
    }

    private Order register(String name, Map<Long, Integer> quantities) {
        User buyer = Accounts.participant(accounts);
        Order order = testEvents.as(buyer, () -> registrations.register(AccountPrincipal.of(buyer), event.getId(), null,
                quantities).order());
        jdbc.update("update tickets set attendee_name = ? where order_id = ?", name, order.getId());
        return order;
    }

    private List<String> names(AttendeeQuery query) {
        return testEvents.as(organizer, () -> attendees.page(event.getId(), AccountPrincipal.of(organizer), query))
                .attendees().stream().map(Attendee::name).toList();
    }

    private String emailOf(Order order) {
        return jdbc.queryForObject("select email from users where id = ?", String.class, order.getUserId());
    }

    private static RequestPostProcessor as(User user) {
        return authentication(Accounts.signedIn(user));
    }
}
