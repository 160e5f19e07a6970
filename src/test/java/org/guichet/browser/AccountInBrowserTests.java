package org.guichet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.support.Accounts;
import org.guichet.support.Images;
import org.guichet.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
class AccountInBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TestMail mail;

    @Autowired
    AccountService accounts;

    ChromeDriver driver;

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aFrenchSpeakerSignsUpEditsTheProfileWithAPhotoLogsOutAndResetsThePasswordOnAPhone() throws IOException {
        driver = Chromium.start(Chromium.PHONE, "fr");
        String email = Accounts.uniqueEmail("lucie");

        open("/signup");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Créez votre compte");
        driver.findElement(By.id("firstName")).sendKeys("Lucie");
        driver.findElement(By.id("lastName")).sendKeys("Bernard");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys("azerty");
        click(By.id("type-organise"));
        click(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.findElement(By.id("password-error")).getText())
                .isEqualTo("Le mot de passe doit compter au moins 10 caractères.");
        assertThat(driver.findElement(By.id("firstName")).getAttribute("value")).isEqualTo("Lucie");

        driver.findElement(By.id("password")).sendKeys("un voilier sur la Loire");
        click(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).contains("Bienvenue sur Guichet");

        open("/account");
        Path photo = Files.createTempFile("portrait", ".png");
        Files.write(photo, Images.png(600, 400));
        driver.findElement(By.id("photo")).sendKeys(photo.toString());
        click(By.cssSelector("form[action='/account/photo'] button"));
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText())
                .isEqualTo("Votre photo a été mise à jour.");
        WebElement avatar = driver.findElement(By.cssSelector("img.avatar-lg"));
        assertThat(((Number) driver.executeScript("return arguments[0].naturalWidth", avatar)).intValue()).isEqualTo(256);

        click(By.cssSelector(".navbar-toggler"));
        click(By.id("account-menu"));
        click(By.xpath("//button[text()='Se déconnecter']"));
        assertThat(driver.findElement(By.cssSelector(".alert-info")).getText()).contains("Vous êtes déconnecté");

        open("/password/forgot");
        driver.findElement(By.id("email")).sendKeys(email);
        click(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.findElement(By.id("reset-sent")).getText()).contains(email);

        String link = TestMail.firstLinkPath(mail.deliverAndRead(email).get(0));
        open(link);
        driver.findElement(By.id("password")).sendKeys("une nouvelle phrase secrète");
        click(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText())
                .contains("Votre mot de passe a été changé");

        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys("une nouvelle phrase secrète");
        click(By.cssSelector("main form button[type=submit]"));
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.urlToBe(url("/")));
        open("/account");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Mon compte");
    }

    @Test
    void anEnglishSpeakerChangesTheEmailAddressThroughTheConfirmationLinkOnADesktop() {
        driver = Chromium.start(Chromium.DESKTOP, "en");
        User user = Accounts.participant(accounts);
        String newEmail = Accounts.uniqueEmail("renamed");

        open("/account");
        driver.findElement(By.id("email")).sendKeys(user.getEmail());
        driver.findElement(By.id("password")).sendKeys(Accounts.PASSWORD);
        click(By.id("remember-me"));
        click(By.cssSelector("main form button[type=submit]"));
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("/account"));

        driver.findElement(By.id("newEmail")).sendKeys(newEmail);
        driver.findElement(By.id("emailCurrentPassword")).sendKeys(Accounts.PASSWORD);
        click(By.cssSelector("form[action='/account/email'] button"));
        assertThat(driver.findElement(By.cssSelector(".alert-info")).getText())
                .isEqualTo("A confirmation link has been sent to " + newEmail + ". Follow it to complete the change.");
        assertThat(driver.getPageSource()).contains(user.getEmail());

        open(TestMail.firstLinkPath(mail.deliverAndRead(newEmail).get(0)));
        assertThat(driver.findElement(By.id("email-confirmed")).getText())
                .isEqualTo("Your email address is now " + newEmail + ".");
        click(By.linkText("Go to my account"));
        assertThat(driver.getPageSource()).contains(newEmail);
    }

    @Test
    void anUnknownPageIsAFriendly404WithAReferenceOnADesktop() {
        driver = Chromium.start(Chromium.DESKTOP, "en");
        open("/media/avatars/nothing-here");
        open("/login");
        open("/dev/mailbox/999999999");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("This page does not exist");
        assertThat(driver.getPageSource()).contains("Reference: ").doesNotContain("Exception");
        assertThat(driver.getPageSource()).doesNotContain("Whitelabel");
    }

    /** Clicks as a person would: the element is scrolled to the middle of the screen first. */
    private void click(By locator) {
        WebElement element = driver.findElement(locator);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    private void open(String path) {
        driver.get(url(path));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
