package org.guichet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.EventDetails;
import org.guichet.event.Visibility;
import org.guichet.payment.sandbox.SandboxWebhooks;
import org.guichet.registration.OrderLifecycle;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.MutableClock;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A paid seat from the waiting list, as its taker lives it: offered, held, paid on the gateway's page, then valid. */
@BrowserTest
class WaitingListPaymentInBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    OrderLifecycle lifecycle;

    @Autowired
    SandboxWebhooks webhooks;

    @Autowired
    MutableClock clock;

    ChromeDriver driver;

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void theOfferedPaidSeatGoesToCheckoutAndTheTicketIsValidOnlyOncePaid() {
        User organizer = Accounts.organizer(accounts);
        EventDetails details = testEvents.details("Quatuor " + System.nanoTime(), "Dijon", "concert", 8, "30.00",
                Visibility.PUBLIC);
        Event event = testEvents.published(organizer, TestEvents.withCapacity(details, 1));
        long type = ticketTypes.of(event.getId()).get(0).getId();
        testEvents.register(Accounts.participant(accounts), event.getId(), type, 1);
        User waiting = Accounts.participant(accounts);

        driver = Chromium.start(Chromium.PHONE, "en");
        BrowserSession browser = new BrowserSession(driver, port);
        browser.signIn(waiting.getEmail());
        browser.open("/events/" + event.getId());
        browser.submit(By.xpath("//button[text()='Join the waiting list']"));
        assertThat(driver.findElement(By.id("register")).getText()).contains("You are next on the waiting list.");

        clock.advance(Duration.ofMinutes(16));
        assertThat(lifecycle.expireHolds()).isGreaterThanOrEqualTo(1);
        browser.open("/events/" + event.getId());
        browser.submit(By.xpath("//button[text()='Take my seat']"));

        assertThat(driver.findElement(By.cssSelector(".alert-warning")).getText()).contains("Test payment page.");
        assertThat(driver.getPageSource()).contains("€30.00");
        browser.open("/tickets");
        assertThat(driver.findElement(By.cssSelector(".list-group")).getText()).contains("Reserved")
                .contains("Complete the payment").doesNotContain("Valid");

        browser.submit(By.linkText("Complete the payment"));
        browser.submit(By.xpath("//button[text()='Continue to payment']"));
        driver.findElement(By.id("number")).sendKeys("4242 4242 4242 4242");
        driver.findElement(By.id("expiry")).sendKeys("12/39");
        driver.findElement(By.id("cvc")).sendKeys("123");
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.findElement(By.id("payment-status")).getText()).contains("being confirmed");
        assertThat(webhooks.deliverDue()).isEqualTo(1);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("payment-status"), "is confirmed"));
        browser.open("/tickets");
        assertThat(driver.findElement(By.cssSelector(".list-group")).getText()).contains("Valid")
                .doesNotContain("Complete the payment");
    }
}
