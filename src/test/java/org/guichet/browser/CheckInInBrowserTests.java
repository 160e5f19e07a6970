package org.guichet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

import org.guichet.account.AccountService;
import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.Visibility;
import org.guichet.registration.Order;
import org.guichet.registration.TicketSigner;
import org.guichet.registration.TicketTypes;
import org.guichet.support.Accounts;
import org.guichet.support.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The door on a phone: Chromium's fake camera films a printed ticket's QR code, the page reads it (through the
 * vendored ZXing WebAssembly, as headless Chromium on Linux has no BarcodeDetector of its own) and lets the
 * holder in; the same ticket shown again is "already checked in".
 */
@BrowserTest
class CheckInInBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    TestEvents testEvents;

    @Autowired
    TicketTypes ticketTypes;


    @Autowired
    TicketSigner signer;

    @Autowired
    JdbcTemplate jdbc;

    ChromeDriver driver;

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void anOrganizerScansATicketWithThePhoneCameraThenTheSameTicketAgain(@TempDir Path camera) throws Exception {
        User organizer = Accounts.organizer(accounts);
        Event event = testEvents.published(organizer, testEvents.details("Soirée scannée " + System.nanoTime(), "Rennes",
                "concert", 2, "0", Visibility.PUBLIC));
        User guest = Accounts.participant(accounts);
        Order order = testEvents.register(guest, event.getId(), ticketTypes.of(event.getId()).get(0).getId(), 1);
        Map<String, Object> ticket = jdbc.queryForMap("select id, secret from tickets where order_id = ?", order.getId());
        jdbc.update("update tickets set attendee_name = 'Rosalind Franklin' where order_id = ?", order.getId());
        String code = signer.sign(((Number) ticket.get("id")).longValue(), event.getId(), (String) ticket.get("secret"));
        Path video = camera.resolve("ticket.y4m");
        writeFakeCamera(code, video);

        driver = Chromium.start(Chromium.PHONE, "en", "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream", "--use-file-for-fake-video-capture=" + video);
        BrowserSession browser = new BrowserSession(driver, port);
        browser.signIn(organizer.getEmail());
        browser.open("/dashboard/events/" + event.getId() + "/checkin");
        assertThat(driver.findElement(By.id("checkin-count")).getText()).isEqualTo("0 / 1");

        browser.click(By.id("scanner-start"));
        // htmx swaps the answer and the counter while the page is read: a swapped element is looked up again.
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(25));
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.attributeToBe(By.id("checkin-answer"), "data-outcome", "CHECKED_IN"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("checkin-answer"), "Welcome in"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("checkin-answer"), "Rosalind Franklin"));
        wait.until(ExpectedConditions.textToBe(By.id("checkin-count"), "1 / 1"));
        Files.write(Path.of("target", "checkin-phone.png"), driver.getScreenshotAs(OutputType.BYTES));

        // The ticket stays in front of the camera: after the pause, it is read again and refused.
        wait.until(ExpectedConditions.attributeToBe(By.id("checkin-answer"), "data-outcome", "ALREADY_CHECKED_IN"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("checkin-answer"), "Already checked in at"));
        Files.write(Path.of("target", "checkin-phone-again.png"), driver.getScreenshotAs(OutputType.BYTES));
        browser.click(By.id("scanner-stop"));

        browser.open("/dashboard/events/" + event.getId() + "/attendees?sort=checked-in");
        assertThat(driver.findElement(By.cssSelector(".attendee-cards")).getText()).contains("Rosalind Franklin", "in at");
        Files.write(Path.of("target", "attendees-phone.png"), driver.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(Chromium.DESKTOP);
        browser.open("/dashboard/events/" + event.getId() + "/attendees?sort=checked-in");
        assertThat(driver.findElement(By.cssSelector(".attendee-table tbody")).getText()).contains("Rosalind Franklin");
        Files.write(Path.of("target", "attendees-desktop.png"), driver.getScreenshotAs(OutputType.BYTES));
        assertThat(jdbc.queryForObject("select count(*) from registration_audit where order_id = ? and action = 'CHECKED_IN'",
                Integer.class, order.getId())).isEqualTo(1);
    }

    /** A Y4M clip of the ticket's QR code on white, the format Chromium's fake camera plays in a loop. */
    private static void writeFakeCamera(String code, Path file) throws IOException, WriterException {
        int width = 640;
        int height = 480;
        BitMatrix qr = new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, 400, 400,
                Map.of(EncodeHintType.MARGIN, 2));
        byte[] luma = new byte[width * height];
        int left = (width - qr.getWidth()) / 2;
        int top = (height - qr.getHeight()) / 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean inside = x >= left && x < left + qr.getWidth() && y >= top && y < top + qr.getHeight();
                boolean dark = inside && qr.get(x - left, y - top);
                luma[y * width + x] = (byte) (dark ? 16 : 235);
            }
        }
        byte[] chroma = new byte[(width / 2) * (height / 2)];
        java.util.Arrays.fill(chroma, (byte) 128);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("YUV4MPEG2 W" + width + " H" + height + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
            for (int frame = 0; frame < 10; frame++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(luma);
                out.write(chroma);
                out.write(chroma);
            }
        }
    }
}
