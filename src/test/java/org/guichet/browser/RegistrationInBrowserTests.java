package org.guichet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.guichet.account.AccountPrincipal;
import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.EventDetails;
import org.guichet.event.Visibility;
import org.guichet.registration.Order;
import org.guichet.registration.ParticipantOrders;
import org.guichet.registration.TicketTypeDetails;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.TestEvents;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
class RegistrationInBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TicketTypes ticketTypes;

    @Autowired
    ParticipantOrders registrations;

    @Autowired
    TestMail mail;

    ChromeDriver driver;

    BrowserSession browser;

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aParticipantRegistersThreePeopleOverTwoTypesGetsTheTicketsAndCancelsOnAPhone() throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event event = testEvents.published(organizer, "Fête de quartier " + System.nanoTime(), "Vannes");
        long student = testEvents.as(organizer, () -> ticketTypes.add(event.getId(), AccountPrincipal.of(organizer),
                new TicketTypeDetails("Student", BigDecimal.ZERO, 30, 4, null, null))).getId();
        long standard = ticketTypes.of(event.getId()).get(0).getId();
        User participant = Accounts.participant(accounts);

        driver = Chromium.start(Chromium.PHONE, "en");
        browser = new BrowserSession(driver, port);
        browser.open("/events/" + event.getId());
        new Select(driver.findElement(By.id("qty-" + standard))).selectByValue("1");
        new Select(driver.findElement(By.id("qty-" + student))).selectByValue("2");
        browser.click(By.cssSelector("#register button[type=submit]"));
        driver.findElement(By.id("email")).sendKeys(participant.getEmail());
        driver.findElement(By.id("password")).sendKeys(Accounts.PASSWORD);
        browser.click(By.cssSelector("main form button[type=submit]"));
        assertThat(new Select(driver.findElement(By.id("qty-" + student))).getFirstSelectedOption().getText())
                .as("the choice survived signing in").isEqualTo("2");
        browser.click(By.cssSelector("main form button[type=submit]"));

        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).startsWith("You are registered!");
        assertThat(driver.findElements(By.cssSelector(".list-group-item"))).hasSize(3);
        MimeMessage confirmation = mail.deliverAndRead(participant.getEmail()).get(0);
        assertThat(TestMail.body(confirmation)).contains("application/pdf");

        browser.submit(By.cssSelector(".list-group-item a"));
        WebElement qr = driver.findElement(By.cssSelector("img.ticket-qr"));
        assertThat(((Number) driver.executeScript("return arguments[0].naturalWidth", qr)).intValue()).isEqualTo(480);
        driver.findElement(By.id("attendeeName")).clear();
        driver.findElement(By.id("attendeeName")).sendKeys("Jeanne Martin");
        browser.submit(By.cssSelector("form[action$='/attendee'] button"));
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText())
                .isEqualTo("The attendee's details have been saved.");

        browser.open("/tickets");
        browser.submit(By.cssSelector("form[action$='/cancel'] button"));
        assertThat(driver.findElement(By.cssSelector(".alert-info")).getText()).contains("has been cancelled");
        assertThat(driver.findElements(By.cssSelector(".badge.text-bg-secondary"))).hasSize(3);
    }

    @Test
    void aParticipantJoinsTheWaitingListAndTakesTheSeatItOffers() {
        User organizer = Accounts.organizer(accounts);
        EventDetails base = testEvents.details("Concert complet " + System.nanoTime(), "Dax", "concert", 5, "0",
                Visibility.PUBLIC);
        Event event = testEvents.published(organizer, TestEvents.withCapacity(base, 1));
        long standard = ticketTypes.of(event.getId()).get(0).getId();
        User holder = Accounts.participant(accounts);
        Order order = testEvents.as(holder, () -> registrations.register(AccountPrincipal.of(holder),
                event.getId(), null, Map.of(standard, 1)).order());
        User waiting = Accounts.participant(accounts);

        driver = Chromium.start(Chromium.DESKTOP, "en");
        browser = new BrowserSession(driver, port);
        browser.signIn(waiting.getEmail());
        browser.open("/events/" + event.getId());
        assertThat(driver.findElement(By.id("event-state")).getText()).isEqualTo("Sold out.");
        browser.submit(By.xpath("//button[text()='Join the waiting list']"));
        assertThat(driver.findElement(By.cssSelector("#register .alert-info")).getText())
                .contains("You are on the waiting list");

        testEvents.as(holder, () -> registrations.cancel(AccountPrincipal.of(holder), order.getId()));
        assertThat(mail.deliverAndRead(waiting.getEmail())).hasSize(1);
        browser.open("/events/" + event.getId());
        assertThat(driver.findElement(By.cssSelector("#register .alert-success")).getText())
                .contains("A seat is held for you until");
        browser.click(By.xpath("//button[text()='Take my seat']"));
        browser.waitForPath("/tickets");
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).startsWith("You are registered!");
    }
}
