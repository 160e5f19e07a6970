package org.guichet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.support.Accounts;
import org.guichet.support.TestEvents;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
class VerificationInBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TestMail mail;

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents testEvents;

    ChromeDriver driver;

    BrowserSession browser;

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aNewcomerSignsUpIsAskedToConfirmTheAddressFollowsTheLinkAndRegisters() {
        User organizer = Accounts.organizer(accounts);
        Event event = testEvents.published(organizer, "Pique-nique " + System.nanoTime(), "Angers");
        driver = Chromium.start(Chromium.PHONE, "en");
        browser = new BrowserSession(driver, port);
        String email = Accounts.uniqueEmail("newcomer");

        browser.open("/signup");
        driver.findElement(By.id("firstName")).sendKeys("Noé");
        driver.findElement(By.id("lastName")).sendKeys("Laurent");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(Accounts.PASSWORD);
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.findElement(By.id("signup-sent")).getText()).contains(email);

        browser.signIn(email);
        browser.open("/events/" + event.getId());
        assertThat(driver.findElement(By.id("verification-banner")).getText()).contains(email);
        browser.submit(By.cssSelector("#register button[type=submit]"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Confirm your email address first");

        browser.click(By.cssSelector("main form[action='/account/verification/resend'] button"));
        browser.waitForPath("/account");
        assertThat(mail.deliverAndRead(email)).hasSize(2);

        browser.open(TestMail.firstLinkPath(mail.deliverAndRead(email).get(1)));
        assertThat(driver.findElement(By.id("email-verified")).getText()).contains(email + " is confirmed");
        assertThat(driver.findElements(By.id("verification-banner"))).isEmpty();

        browser.open("/events/" + event.getId());
        browser.click(By.cssSelector("#register button[type=submit]"));
        browser.waitForPath("/tickets");
    }
}
