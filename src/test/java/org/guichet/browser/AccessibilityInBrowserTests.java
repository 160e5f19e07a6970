package org.guichet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.Visibility;
import org.guichet.registration.Order;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The main pages checked by axe-core (WCAG 2.1 A and AA rules) in Chromium, as a participant on a phone in French and
 * as an organizer on a desktop in English: no serious or critical violation. And one journey done with the keyboard
 * alone, from signing in to a registration.
 */
@BrowserTest
class AccessibilityInBrowserTests {

    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final int TAB_PRESSES_AT_MOST = 60;

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TicketTypes ticketTypes;

    ChromeDriver driver;

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aVisitorAndAParticipantMeetNoSeriousViolationOnAPhoneInFrench() {
        User organizer = Accounts.organizer(accounts);
        Event paid = testEvents.published(organizer, testEvents.details("Atelier accessible " + System.nanoTime(),
                "Rennes", "festival", 12, "18.50", Visibility.PUBLIC));
        Event free = testEvents.published(organizer, "Rencontre accessible " + System.nanoTime(), "Rennes");
        User participant = Accounts.participant(accounts);
        testEvents.register(participant, free.getId(), ticketTypes.of(free.getId()).get(0).getId(), 2);
        Order held = testEvents.register(participant, paid.getId(), ticketTypes.of(paid.getId()).get(0).getId(), 2);

        driver = Chromium.start(Chromium.PHONE, "fr");
        BrowserSession browser = new BrowserSession(driver, port);
        for (String page : List.of("/", "/events", "/events/" + paid.getId(), "/signup")) {
            assertNoSeriousViolation(browser, page);
        }
        browser.signIn(participant.getEmail());
        for (String page : List.of("/events/" + free.getId(), "/orders/" + held.getId() + "/pay", "/tickets")) {
            assertNoSeriousViolation(browser, page);
        }
    }

    @Test
    void anOrganizerMeetsNoSeriousViolationOnADesktopInEnglish() {
        User organizer = Accounts.organizer(accounts);
        Event event = testEvents.published(organizer, "Accessible meetup " + System.nanoTime(), "Lille");
        testEvents.register(Accounts.participant(accounts), event.getId(),
                ticketTypes.of(event.getId()).get(0).getId(), 1);

        driver = Chromium.start(Chromium.DESKTOP, "en");
        BrowserSession browser = new BrowserSession(driver, port);
        browser.signIn(organizer.getEmail());
        String dashboard = "/dashboard/events/" + event.getId();
        for (String page : List.of("/dashboard", dashboard, dashboard + "/attendees", dashboard + "/checkin")) {
            assertNoSeriousViolation(browser, page);
        }
    }

    @Test
    void aParticipantSignsInAndRegistersWithTheKeyboardAlone() {
        Event event = testEvents.published(Accounts.organizer(accounts), "Keyboard meetup " + System.nanoTime(), "Nancy");
        User participant = Accounts.participant(accounts);

        driver = Chromium.start(Chromium.DESKTOP, "en");
        BrowserSession browser = new BrowserSession(driver, port);
        browser.open("/login");
        tabTo(By.id("email")).sendKeys(participant.getEmail());
        tabTo(By.id("password")).sendKeys(Accounts.PASSWORD, Keys.ENTER);
        browser.waitForPath("/");

        browser.open("/events/" + event.getId());
        // the first thing a keyboard reaches lets it skip the navigation
        new Actions(driver).sendKeys(Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getAttribute("class")).contains("skip-link");
        tabTo(By.cssSelector("#register button[type=submit]:not([name])"));
        browser.navigate(() -> new Actions(driver).sendKeys(Keys.ENTER).perform());

        browser.waitForPath("/tickets");
        assertThat(browser.text(By.cssSelector(".alert-success"))).contains("GCH-");
    }

    /** Presses Tab until the element has the focus, as a person without a mouse would; fails if it never comes. */
    private WebElement tabTo(By locator) {
        WebElement target = driver.findElement(locator);
        for (int press = 0; press < TAB_PRESSES_AT_MOST; press++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            if (target.equals(driver.switchTo().activeElement())) {
                return target;
            }
        }
        throw new AssertionError("Tab never reaches " + locator);
    }

    private void assertNoSeriousViolation(BrowserSession browser, String path) {
        browser.open(path);
        Results results = new AxeBuilder().withTags(WCAG).analyze(driver);
        assertThat(results.getErrorMessage()).as("axe-core ran on %s", path).isNull();
        assertThat(results.getPasses()).as("rules axe-core checked on %s", path).isNotEmpty();
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(AccessibilityInBrowserTests::describe)
                .toList();
        assertThat(serious).as("serious or critical accessibility violations on %s", path).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", "));
    }
}
