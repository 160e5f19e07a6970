package org.guichet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    BrowserSession browser;

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aFrenchSpeakerSignsUpEditsTheProfileWithAPhotoLogsOutAndResetsThePasswordOnAPhone() throws IOException {
        driver = Chromium.start(Chromium.PHONE, "fr");
        browser = new BrowserSession(driver, port);
        String email = Accounts.uniqueEmail("lucie");

        browser.open("/signup");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Créez votre compte");
        driver.findElement(By.id("firstName")).sendKeys("Lucie");
        driver.findElement(By.id("lastName")).sendKeys("Bernard");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys("azerty");
        browser.click(By.id("type-organise"));
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.findElement(By.id("password-error")).getText())
                .isEqualTo("Le mot de passe doit compter au moins 10 caractères.");
        assertThat(driver.findElement(By.id("firstName")).getAttribute("value")).isEqualTo("Lucie");

        driver.findElement(By.id("password")).sendKeys("un voilier sur la Loire");
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Consultez votre messagerie");
        browser.open(TestMail.firstLinkPath(mail.deliverAndRead(email).get(0)));
        assertThat(driver.findElement(By.id("email-verified")).getText()).contains(email + " est confirmée");

        browser.open("/account");
        Path photo = Files.createTempFile("portrait", ".png");
        Files.write(photo, Images.png(600, 400));
        driver.findElement(By.id("photo")).sendKeys(photo.toString());
        browser.submit(By.cssSelector("form[action='/account/photo'] button"));
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText())
                .isEqualTo("Votre photo a été mise à jour.");
        WebElement avatar = driver.findElement(By.cssSelector("img.avatar-lg"));
        assertThat(((Number) driver.executeScript("return arguments[0].naturalWidth", avatar)).intValue()).isEqualTo(256);

        browser.click(By.cssSelector(".navbar-toggler"));
        browser.click(By.id("account-menu"));
        browser.submit(By.xpath("//button[text()='Se déconnecter']"));
        assertThat(driver.findElement(By.cssSelector(".alert-info")).getText()).contains("Vous êtes déconnecté");

        browser.open("/password/forgot");
        driver.findElement(By.id("email")).sendKeys(email);
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text(By.id("reset-sent"))).contains(email);

        String link = mail.deliverAndRead(email).stream().map(TestMail::firstLinkPath)
                .filter(path -> path.startsWith("/password/reset")).findFirst().orElseThrow();
        browser.open(link);
        driver.findElement(By.id("password")).sendKeys("une nouvelle phrase secrète");
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText())
                .contains("Votre mot de passe a été changé");

        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys("une nouvelle phrase secrète");
        browser.submit(By.cssSelector("main form button[type=submit]"));
        browser.waitForPath("/");
        browser.open("/account");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Mon compte");
    }

    @Test
    void anEnglishSpeakerChangesTheEmailAddressThroughTheConfirmationLinkOnADesktop() {
        driver = Chromium.start(Chromium.DESKTOP, "en");
        browser = new BrowserSession(driver, port);
        User user = Accounts.participant(accounts);
        String newEmail = Accounts.uniqueEmail("renamed");

        browser.open("/account");
        driver.findElement(By.id("email")).sendKeys(user.getEmail());
        driver.findElement(By.id("password")).sendKeys(Accounts.PASSWORD);
        browser.click(By.id("remember-me"));
        browser.submit(By.cssSelector("main form button[type=submit]"));
        browser.waitForPathContaining("/account");

        driver.findElement(By.id("newEmail")).sendKeys(newEmail);
        driver.findElement(By.id("emailCurrentPassword")).sendKeys(Accounts.PASSWORD);
        browser.click(By.cssSelector("form[action='/account/email'] button"));
        assertThat(driver.findElement(By.cssSelector(".alert-info")).getText())
                .isEqualTo("A confirmation link has been sent to " + newEmail + ". Follow it to complete the change.");
        assertThat(driver.getPageSource()).contains(user.getEmail());

        browser.open(TestMail.firstLinkPath(mail.deliverAndRead(newEmail).get(0)));
        assertThat(driver.findElement(By.id("email-confirmed")).getText())
                .isEqualTo("Your email address is now " + newEmail + ".");
        browser.submit(By.linkText("Go to my account"));
        assertThat(driver.getPageSource()).contains(newEmail);
    }

    @Test
    void anUnknownPageIsAFriendly404WithAReferenceOnADesktop() {
        driver = Chromium.start(Chromium.DESKTOP, "en");
        browser = new BrowserSession(driver, port);
        browser.open("/media/avatars/nothing-here");
        browser.open("/login");
        browser.open("/dev/mailbox/999999999");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("This page does not exist");
        assertThat(driver.getPageSource()).contains("Reference: ").doesNotContain("Exception");
        assertThat(driver.getPageSource()).doesNotContain("Whitelabel");
    }



}
