package org.guichet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.account.UserRepository;
import org.guichet.event.Event;
import org.guichet.event.Visibility;
import org.guichet.payment.sandbox.WebhookSignature;
import org.guichet.registration.Order;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.MutableClock;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The organizer's dashboard and an event's chart, drawn in Chromium on a phone and on a desktop. */
@BrowserTest
class DashboardInBrowserTests {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;


    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    TestEvents testEvents;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${guichet.payments.sandbox.webhook-secret}")
    String secret;

    ChromeDriver driver;

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void showsTheFiguresAndDrawsTheChartOnAPhoneAndOnADesktop() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event gala = testEvents.published(organizer, testEvents.details("Gala de printemps " + System.nanoTime(),
                "Bordeaux", "concert", 20, "25.00", Visibility.PUBLIC));
        Event picnic = testEvents.published(organizer, testEvents.details("Pique-nique " + System.nanoTime(),
                "Bordeaux", "meetup", 9, "0", Visibility.PUBLIC));
        testEvents.draft(organizer, testEvents.details("Brouillon d’automne", "Bordeaux", "meetup", 60, "8",
                Visibility.PUBLIC));
        jdbc.update("update events set published_at = ? where id in (?, ?)",
                Timestamp.from(clock.instant().minus(Duration.ofDays(8))), gala.getId(), picnic.getId());
        List<User> buyers = Accounts.participants(users, passwordEncoder, 8);
        long galaType = ticketTypes.of(gala.getId()).get(0).getId();
        for (int i = 0; i < 6; i++) {
            Order order = register(buyers.get(i), gala, galaType, 1 + i % 3);
            if (i < 5) {
                pay(order);
                Timestamp day = Timestamp.from(clock.instant().minus(Duration.ofDays(7 - i)));
                jdbc.update("update orders set confirmed_at = ? where id = ?", day, order.getId());
                jdbc.update("update payments set paid_at = ? where order_id = ?", day, order.getId());
            }
        }
        long picnicType = ticketTypes.of(picnic.getId()).get(0).getId();
        register(buyers.get(6), picnic, picnicType, 2);
        register(buyers.get(7), picnic, picnicType, 3);
        jdbc.update("update tickets set checked_in_at = created_at where event_id = ? and status = 'VALID' "
                + "and id % 2 = 0", gala.getId());

        for (Dimension size : List.of(Chromium.PHONE, Chromium.DESKTOP)) {
            String name = size.equals(Chromium.PHONE) ? "phone" : "desktop";
            driver = Chromium.start(size, "en");
            BrowserSession browser = new BrowserSession(driver, port);
            logIn(browser, organizer);

            browser.open("/dashboard");
            assertThat(driver.findElement(By.cssSelector("#total-registrations .figure-value")).getText())
                    .isEqualTo("7");
            assertThat(driver.findElement(By.cssSelector("#total-gross .figure-value")).getText()).isEqualTo("€225.00");
            assertThat(driver.findElement(By.cssSelector("#total-gross")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.linkText(gala.getTitle())).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.linkText("New event")).isDisplayed()).isTrue();
            assertThat(fillWidth(gala)).as("the fill bar is drawn").isGreaterThan(0);
            assertNoHorizontalScroll();
            screenshot("dashboard-" + name);
            browser.click(By.cssSelector("tr[data-event-id='" + gala.getId() + "'] .dropdown-toggle"));
            assertThat(driver.findElement(By.cssSelector("tr[data-event-id='" + gala.getId() + "'] .dropdown-menu"))
                    .isDisplayed()).isTrue();
            screenshot("dashboard-actions-" + name);

            browser.open("/dashboard/events/" + gala.getId());
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(ignored -> Boolean.TRUE.equals(driver.executeScript(
                    "const c = document.getElementById('sales-chart');"
                            + "return !!(c && window.Chart && Chart.getChart(c) && c.width > 0);")));
            assertThat(((Number) driver.executeScript(
                    "return Chart.getChart(document.getElementById('sales-chart')).data.datasets.length")).intValue())
                    .as("registrations and one currency").isEqualTo(2);
            assertThat(((Number) driver.executeScript("return Chart.getChart(document.getElementById('sales-chart'))"
                    + ".data.datasets[0].data.reduce((a, b) => a + b, 0)")).intValue()).isEqualTo(5);
            assertThat(driver.findElement(By.cssSelector("#figure-sold .figure-value")).getText()).isEqualTo("9");
            assertThat(driver.findElement(By.cssSelector("#figure-net")).isDisplayed()).isTrue();
            assertNoHorizontalScroll();
            Thread.sleep(600);
            screenshot("event-" + name);
            driver.executeScript("document.getElementById('sales-chart').scrollIntoView({block: 'start', behavior: 'instant'})");
            Thread.sleep(200);
            screenshot("event-chart-" + name);
            driver.quit();
            driver = null;
        }
    }

    private long fillWidth(Event event) {
        return ((Number) driver.executeScript("return document.querySelector(\"tr[data-event-id='" + event.getId()
                + "'] [data-fill-percent]\").getBoundingClientRect().width")).longValue();
    }

    private void assertNoHorizontalScroll() {
        assertThat(((Number) driver.executeScript("return document.documentElement.scrollWidth")).intValue())
                .as("the page itself does not scroll sideways")
                .isLessThanOrEqualTo(((Number) driver.executeScript("return window.innerWidth")).intValue());
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    private void logIn(BrowserSession browser, User user) {
        browser.open("/login");
        driver.findElement(By.id("email")).sendKeys(user.getEmail());
        driver.findElement(By.id("password")).sendKeys(Accounts.PASSWORD);
        browser.click(By.cssSelector("main form button[type=submit]"));
        browser.waitForPath("/");
    }

    private Order register(User user, Event event, long type, int count) {
        return testEvents.register(user, event.getId(), type, count);
    }

    private void pay(Order order) throws Exception {
        String body = "{\"id\":\"evt_browser_dash_" + order.getId() + "\",\"type\":\"checkout.session.completed\","
                + "\"data\":{\"orderId\":" + order.getId() + ",\"amount\":\"" + order.getTotal().toPlainString()
                + "\",\"currency\":\"EUR\",\"transaction\":\"pi_browser_dash_" + order.getId() + "\"}}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/payments/webhook/sandbox"))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, WebhookSignature.header(secret, clock.instant(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
