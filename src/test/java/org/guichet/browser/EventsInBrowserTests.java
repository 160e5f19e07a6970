package org.guichet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;

import org.guichet.account.AccountService;
import org.guichet.account.Role;
import org.guichet.account.User;
import org.guichet.support.Accounts;
import org.guichet.support.Images;
import org.guichet.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
class EventsInBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    MutableClock clock;

    ChromeDriver driver;

    BrowserSession browser;

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void anOrganizerPublishesAnEventOnADesktopAndAParticipantFindsItOnAPhone() throws IOException {
        User organizer = Accounts.organizer(accounts);
        String title = "Nocturne au musée " + System.nanoTime();
        driver = Chromium.start(Chromium.DESKTOP, "en");
        browser = new BrowserSession(driver, port);
        logIn(organizer);

        browser.open("/dashboard");
        browser.click(By.linkText("New event"));
        driver.findElement(By.id("title")).sendKeys(title);
        driver.findElement(By.id("description")).sendKeys("Visit the **museum** by night.");
        new Select(driver.findElement(By.id("category"))).selectByValue("exhibition");
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Paris")).plusDays(12)
                .withHour(20).withMinute(0).withSecond(0).withNano(0);
        browser.setValue("startsAt", start.toString());
        browser.setValue("endsAt", start.plusHours(3).toString());
        driver.findElement(By.id("venueName")).sendKeys("Musée des Confluences");
        driver.findElement(By.id("city")).sendKeys("Lyon");
        driver.findElement(By.id("capacity")).clear();
        driver.findElement(By.id("capacity")).sendKeys("120");
        driver.findElement(By.id("price")).clear();
        driver.findElement(By.id("price")).sendKeys("9.50");
        Path poster = Files.createTempFile("poster", ".png");
        Files.write(poster, Images.png(1600, 900));
        driver.findElement(By.id("image")).sendKeys(poster.toString());
        browser.submit(By.cssSelector("button[name=publish]"));

        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("The event is published.");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        driver.quit();

        driver = Chromium.start(Chromium.PHONE, "fr");

        browser = new BrowserSession(driver, port);
        browser.open("/events");
        driver.findElement(By.id("q")).sendKeys("nocturne musee");
        browser.click(By.cssSelector("main form button[type=submit]"));
        browser.submit(By.linkText(title));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(driver.findElement(By.cssSelector(".event-facts")).getText())
                .contains("20:00 – 23:00", "Musée des Confluences", "9,50 €", "120 places");
        WebElement banner = driver.findElement(By.cssSelector("img.event-banner"));
        assertThat(((Number) driver.executeScript("return arguments[0].naturalWidth", banner)).intValue()).isEqualTo(1600);
        assertThat(driver.findElement(By.cssSelector(".event-description strong")).getText()).isEqualTo("museum");
    }

    @Test
    void aFrenchOrganizerTypesAPriceWithACommaAndIsToldWhenOneCouldBeReadTwoWays() {
        User organizer = Accounts.signUp(accounts, Accounts.uniqueEmail("organisatrice"), EnumSet.of(Role.ORGANIZER),
                Locale.FRENCH);
        String title = "Atelier poterie " + System.nanoTime();
        driver = Chromium.start(Chromium.PHONE, "fr");
        browser = new BrowserSession(driver, port);
        logIn(organizer);

        browser.open("/dashboard/events/new");
        driver.findElement(By.id("title")).sendKeys(title);
        new Select(driver.findElement(By.id("category"))).selectByValue("workshop");
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Paris")).plusDays(9)
                .withHour(14).withMinute(0).withSecond(0).withNano(0);
        browser.setValue("startsAt", start.toString());
        browser.setValue("endsAt", start.plusHours(2).toString());
        driver.findElement(By.id("city")).sendKeys("Vallauris");
        driver.findElement(By.id("price")).clear();
        driver.findElement(By.id("price")).sendKeys("1.250");
        browser.click(By.cssSelector("button[name=publish]"));

        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("price-error")));
        assertThat(driver.findElement(By.id("price")).getDomProperty("value")).isEqualTo("1.250");
        assertThat(driver.findElement(By.id("price-error")).getText()).contains("peut se lire de deux façons");

        driver.findElement(By.id("price")).clear();
        driver.findElement(By.id("price")).sendKeys("12,50");
        browser.click(By.cssSelector("button[name=publish]"));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.urlMatches("/dashboard/events/\\d+$"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        browser.open(driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf("/dashboard")) + "/edit");
        assertThat(driver.findElement(By.id("price")).getDomProperty("value")).isEqualTo("12,50");
    }

    private void logIn(User user) {
        browser.signIn(user.getEmail());
    }




}
