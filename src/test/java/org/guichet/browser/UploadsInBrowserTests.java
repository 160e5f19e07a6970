package org.guichet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.support.Accounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A picture over the limit is refused in the browser before it is sent; a request over the cap gets a real page. */
@BrowserTest
class UploadsInBrowserTests {

    private static final String TOO_LARGE = "The file is too large: 10 MB at most.";

    @LocalServerPort
    int port;

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
    void theEventFormRefusesAPictureOverTheLimitBeforeSendingAndKeepsWhatWasTyped() throws IOException {
        User organizer = Accounts.organizer(accounts);
        driver = Chromium.start(Chromium.DESKTOP, "en");
        browser = new BrowserSession(driver, port);
        browser.signIn(organizer.getEmail());
        browser.open("/dashboard/events/new");
        driver.findElement(By.id("title")).sendKeys("Festival des lanternes");
        driver.executeScript("window.sameDocument = true");

        WebElement picture = driver.findElement(By.id("image"));
        picture.sendKeys(fileOf(10 * 1024 * 1024 + 1, ".jpg").toString());
        assertThat(driver.findElement(By.id("image-error")).getText()).isEqualTo(TOO_LARGE);
        assertThat(picture.getAttribute("class")).contains("is-invalid");

        browser.click(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.executeScript("return window.sameDocument")).as("nothing was sent").isEqualTo(true);
        assertThat(driver.getCurrentUrl()).isEqualTo(browser.url("/dashboard/events/new"));
        assertThat(driver.findElement(By.id("title")).getAttribute("value")).isEqualTo("Festival des lanternes");

        picture.sendKeys(fileOf(2 * 1024, ".jpg").toString());
        assertThat(driver.findElement(By.id("image-error")).getText()).as("a smaller choice clears it").isEmpty();
        assertThat(picture.getAttribute("class")).doesNotContain("is-invalid");
    }

    @Test
    void theProfilePhotoIsCheckedTheSameWay() throws IOException {
        User participant = Accounts.participant(accounts);
        driver = Chromium.start(Chromium.PHONE, "en");
        browser = new BrowserSession(driver, port);
        browser.signIn(participant.getEmail());
        browser.open("/account");
        driver.executeScript("window.sameDocument = true");
        driver.findElement(By.id("photo")).sendKeys(fileOf(12 * 1024 * 1024, ".png").toString());
        browser.click(By.cssSelector("form[action='/account/photo'] button"));
        assertThat(driver.findElement(By.id("photo-error")).getText()).isEqualTo(TOO_LARGE);
        assertThat(driver.executeScript("return window.sameDocument")).as("nothing was sent").isEqualTo(true);
    }

    @Test
    void aRequestOverTheUploadCapGetsTheTranslatedPageWithAWayBack() throws Exception {
        String boundary = "guichet-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nGardé\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"huge.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(new byte[22 * 1024 * 1024]);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dashboard/events/new"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html")
                .header("Accept-Language", "en")
                .header("Referer", "http://localhost:" + port + "/dashboard/events/new")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body())
                .contains("This file is too large to send")
                .contains("Files of up to 10 MB can be sent.")
                .contains("href=\"/dashboard/events/new\"")
                .contains("Go back")
                .doesNotContain("Exception");
    }

    private static Path fileOf(int bytes, String suffix) throws IOException {
        Path file = Files.createTempFile("upload", suffix);
        Files.write(file, new byte[bytes]);
        file.toFile().deleteOnExit();
        return file;
    }
}
