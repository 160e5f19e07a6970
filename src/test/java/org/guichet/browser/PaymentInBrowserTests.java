package org.guichet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.Visibility;
import org.guichet.payment.sandbox.SandboxWebhooks;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.TestEvents;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
class PaymentInBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    SandboxWebhooks webhooks;

    @Autowired
    TestMail mail;

    ChromeDriver driver;

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aParticipantBuysTwoTicketsWithTheTestCardAndSeesTheConfirmationOnceTheWebhookLands() {
        User organizer = Accounts.organizer(accounts);
        Event event = testEvents.published(organizer, testEvents.details("Festival payant " + System.nanoTime(),
                "Bayonne", "festival", 9, "25.00", Visibility.PUBLIC));
        long type = ticketTypes.of(event.getId()).get(0).getId();
        User buyer = Accounts.participant(accounts);

        driver = Chromium.start(Chromium.PHONE, "en");
        BrowserSession browser = new BrowserSession(driver, port);
        browser.signIn(buyer.getEmail());
        browser.open("/events/" + event.getId());
        new Select(driver.findElement(By.id("qty-" + type))).selectByValue("2");
        browser.submit(By.xpath("//button[text()='Buy tickets']"));

        assertThat(driver.findElement(By.cssSelector(".alert-warning")).getText()).contains("Test payment page.");
        driver.findElement(By.id("number")).sendKeys("4000 0000 0000 0002");
        driver.findElement(By.id("expiry")).sendKeys("12/39");
        driver.findElement(By.id("cvc")).sendKeys("123");
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.findElement(By.id("card-refused")).getText()).isEqualTo("Your card was declined. Try another card.");
        driver.findElement(By.id("number")).clear();
        driver.findElement(By.id("number")).sendKeys("4242 4242 4242 4242");
        driver.findElement(By.id("cvc")).sendKeys("123");
        browser.submit(By.cssSelector("main form button[type=submit]"));

        assertThat(driver.findElement(By.id("payment-status")).getText()).contains("being confirmed");
        assertThat(webhooks.deliverDue()).isEqualTo(1);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("payment-status"), "is confirmed"));
        assertThat(mail.deliverAndRead(buyer.getEmail())).singleElement()
                .satisfies(message -> assertThat(TestMail.body(message)).contains("receipt-R-"));
    }
}
