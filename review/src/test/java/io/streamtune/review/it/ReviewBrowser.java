package io.streamtune.review.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One annotator's headless Chromium on the review page: Debian's {@code chromium} driven by its own
 * {@code chromedriver}, both named explicitly so Selenium Manager never downloads a browser or a driver.
 */
final class ReviewBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private ReviewBrowser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, PATIENCE);
    }

    /** Starts a browser; fails (never skips) when Chromium or its driver is not installed. */
    static ReviewBrowser open() {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new AssertionError(binary + " is missing: the browser tests need Debian's chromium and"
                        + " chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them)");
            }
        }
        // the driver by the system property (ChromeDriverService.Builder's @AutoService is not on the class path,
        // which -Xlint would report), the browser by the options: Selenium Manager has nothing left to find
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en");
        return new ReviewBrowser(new ChromeDriver(options));
    }

    /** Logs in through the form and waits for the review page. */
    void logIn(int port, String user, String password) {
        driver.get("http://127.0.0.1:" + port + "/login.html");
        fillLoginForm(user, password);
    }

    void fillLoginForm(String user, String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user")));
        driver.findElement(By.id("user")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.urlContains("/index.html"));
    }

    /** Reloads the page; logs in again if the server sent it to the login page, and says whether it had to. */
    boolean reload(String user, String password) {
        driver.navigate().refresh();
        wait.until(d ->
                d.getCurrentUrl().contains("/index.html") || d.getCurrentUrl().contains("/login.html"));
        if (driver.getCurrentUrl().contains("/login.html")) {
            fillLoginForm(user, password);
            return true;
        }
        return false;
    }

    /** The event id of the item on the page, once one is shown. */
    String awaitItem() {
        return awaitItemOtherThan(null).orElseThrow(() -> new AssertionError("the page says nothing is left"));
    }

    /** The next item's event id once the page shows an item other than {@code previous}; empty once none is left. */
    Optional<String> awaitItemOtherThan(String previous) {
        return wait.until(d -> {
            if (element("empty").isDisplayed()) {
                return Optional.<String>empty();
            }
            String shown = element("item").isDisplayed() ? element("event-id").getText() : "";
            return shown.isEmpty() || shown.equals(previous) ? null : Optional.of(shown);
        });
    }

    /** Keys as a person types them, to whatever has the focus (the page itself after loading). */
    void press(CharSequence keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Waits until the status line says something containing {@code part}. */
    String awaitMessage(String part) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), part));
        return element("message").getText();
    }

    WebElement element(String id) {
        return driver.findElement(By.id(id));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String script) {
        return driver.executeScript(script);
    }

    WebDriver driver() {
        return driver;
    }

    /** Saves the page, or one element of it, as target/browser-screenshots/NAME.png. */
    Path screenshot(String name, Optional<WebElement> part) throws IOException {
        TakesScreenshot source = part.<TakesScreenshot>map(e -> e).orElse(driver);
        File shot = source.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
