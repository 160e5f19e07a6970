package org.guichet.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person does in the browser, on the test server's port. */
final class BrowserSession {

    private final ChromeDriver driver;
    private final int port;

    BrowserSession(ChromeDriver driver, int port) {
        this.driver = driver;
        this.port = port;
    }

    /** Signs in through the login form with the test accounts' password and waits for the home page. */
    void signIn(String email) {
        open("/login");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(org.guichet.support.Accounts.PASSWORD);
        click(By.cssSelector("main form button[type=submit]"));
        waitForPath("/");
    }

    void open(String path) {
        driver.get(url(path));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Clicks as a person would: the element is scrolled to the middle of the screen first, without animation. */
    void click(By locator) {
        try {
            clickOnce(locator);
        } catch (WebDriverException replaced) {
            // the page swapped the node between finding and clicking it (a late script, a loaded machine): once more
            clickOnce(locator);
        }
    }

    private void clickOnce(By locator) {
        WebElement element = driver.findElement(locator);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    /** The element's text once the page lets it be read (a node swapped while it is read is looked up again). */
    String text(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(page -> page.findElement(locator).getText());
    }

    /** Clicks what sends a form or follows a link, and waits until the next page has replaced this one. */
    void submit(By locator) {
        navigate(() -> click(locator));
    }

    /** Does what leaves this page (a click, a key pressed) and waits until the next page is loaded. */
    void navigate(Runnable action) {
        WebElement page = driver.findElement(By.tagName("html"));
        action.run();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(replaced -> isGone(page));
        // the new document may still be parsing: a node read now can vanish under the reader on a loaded machine
        wait.until(loaded -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    /**
     * Chromium reports an element of a replaced document either as stale or, while the new one is being swapped in,
     * as a node that "does not belong to the document": both mean the page has gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException swapped) {
            if (String.valueOf(swapped.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw swapped;
        }
    }

    /** Date and time inputs are typed differently in each browser locale; set them as a script would. */
    void setValue(String id, String value) {
        driver.executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)), value);
    }

    void waitForPath(String path) {
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.urlToBe(url(path)));
    }

    void waitForPathContaining(String part) {
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains(part));
    }
}
