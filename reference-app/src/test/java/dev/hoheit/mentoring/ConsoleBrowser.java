package dev.hoheit.mentoring;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's chromium and chromedriver) on the web console of a {@link TestApp}:
 * waits that report the page's text when they time out, and numbered screenshots under
 * {@code target/screenshots/<prefix>-NN-<name>.png}. Without a browser the calling test is skipped
 * with the reason, never passed.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    final WebDriverWait wait;
    /** Where the browser saves downloads (the export ZIP, the verification report). */
    final Path downloads;
    private final String base;
    private final String prefix;
    private final TestApp app;
    private int shots;

    /** Opens a browser on the app; {@code prefix} names this test's screenshots (include the database kind). */
    ConsoleBrowser(TestApp app, String prefix) {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Browser tests skipped: Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        this.base = "http://127.0.0.1:" + app.app.port();
        this.prefix = prefix;
        this.app = app;
        try {
            Files.createDirectories(SCREENSHOTS);
            Path profile = Files.createTempDirectory("chromium-profile");
            this.downloads = Files.createTempDirectory("chromium-downloads");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                    "--window-size=1000,1300", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
            this.driver = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** Opens a page of the console, e.g. {@code "#/register"}. */
    void open(String hash) {
        driver.get(base + "/" + hash);
    }

    /** Follows a menu link, as a person would. */
    void menu(String hash) {
        visible(By.cssSelector("nav a[href='" + hash + "']")).click();
        wait.until(ExpectedConditions.urlContains(hash));
    }

    /** Waits for the element; on a timeout the failure shows the page's address and text. */
    WebElement visible(By locator) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
        } catch (TimeoutException e) {
            throw new AssertionError("no " + locator + " at " + driver.getCurrentUrl() + "; the page reads: " + text(), e);
        }
    }

    /** Waits until the element holds the text; on a timeout the failure shows the page's text. */
    void waitForText(By locator, String expected) {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, expected));
        } catch (TimeoutException e) {
            throw new AssertionError("no '" + expected + "' in " + locator + " at " + driver.getCurrentUrl() + "; the page reads: " + text(), e);
        }
    }

    /** Waits until exactly {@code expected} elements match (a list drawn anew is empty for a moment). */
    void count(By locator, int expected) {
        try {
            wait.until(d -> d.findElements(locator).size() == expected);
        } catch (TimeoutException e) {
            throw new AssertionError(driver.findElements(locator).size() + " of " + locator + " instead of " + expected + " at "
                    + driver.getCurrentUrl() + "; the page reads: " + text(), e);
        }
    }

    /** Waits until the element is gone. */
    void gone(By locator) {
        try {
            wait.until(ExpectedConditions.invisibilityOfElementLocated(locator));
        } catch (TimeoutException e) {
            throw new AssertionError(locator + " is still there at " + driver.getCurrentUrl() + "; the page reads: " + text(), e);
        }
    }

    /** Waits until the browser has really loaded and decoded the image; returns its natural width in pixels. */
    long loaded(WebElement image) {
        wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0;", image)));
        return ((Number) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return arguments[0].naturalWidth;", image)).longValue();
    }

    /** Types into a field after clearing it. */
    void type(By locator, String text) {
        WebElement input = visible(locator);
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Signs in on the sign-in page and waits for the first page. An account with a role whose terms
     * it has not decided yet is asked first; this agrees to the required ones and refuses the others.
     */
    void signIn(String nickname, String password) {
        signInAndWait(nickname, password);
        if (!driver.findElements(By.id("terms-form")).isEmpty()) {
            for (WebElement box : driver.findElements(By.cssSelector("#terms-form input[data-required=true]"))) {
                box.click();
            }
            driver.findElement(By.cssSelector("#terms-form button[type=submit]")).click();
            gone(By.id("terms-form"));
            settled();
        }
    }

    /**
     * Signs in and waits until the first page has rendered (the terms page, if any, included). A
     * password issued by the operator is changed first on the forced-change page, as the API helpers
     * of {@link TestApp.Client} do, to {@link TestApp#renewed(String)} of it.
     */
    void signInAndWait(String nickname, String password) {
        String key = TestApp.renewedKey(nickname, password);
        String actual = app.renewedPasswords.getOrDefault(key, password);
        open("#/signin");
        type(By.id("nickname"), nickname);
        type(By.id("password"), actual);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        visible(By.id("signout"));
        settled();
        if (!driver.findElements(By.id("forced-password-form")).isEmpty()) {
            type(By.id("current-password"), actual);
            type(By.id("new-password"), TestApp.renewed(actual));
            type(By.id("new-password-repeat"), TestApp.renewed(actual));
            driver.findElement(By.cssSelector("#forced-password-form button[type=submit]")).click();
            gone(By.id("forced-password-form"));
            settled();
            app.renewedPasswords.put(key, TestApp.renewed(actual));
        }
    }

    /** Waits until the current page has finished rendering. */
    void settled() {
        wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return !document.querySelector('[aria-busy=true]') && !!document.querySelector('main h1');")));
    }

    /** Signs out with the header's button and waits for the sign-in page. */
    void signOut() {
        visible(By.id("signout")).click();
        wait.until(ExpectedConditions.urlContains("#/signin"));
        visible(By.id("password"));
    }

    /**
     * Renders the page as a device set to {@code "light"} or {@code "dark"} would
     * ({@code prefers-color-scheme}, through the DevTools protocol), or as printed on paper ({@code "print"}).
     */
    void emulate(String scheme) {
        java.util.Map<String, Object> media = scheme.equals("print")
                ? java.util.Map.of("media", "print", "features", java.util.List.of())
                : java.util.Map.of("media", "", "features", java.util.List.of(java.util.Map.of("name", "prefers-color-scheme", "value", scheme)));
        ((org.openqa.selenium.chromium.ChromiumDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", media);
    }

    /** The whole page's visible text. */
    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Waits for a finished download whose name ends with {@code suffix}, and returns it. */
    Path downloaded(String suffix) {
        try {
            return wait.until(driver -> {
                try (var files = Files.list(downloads)) {
                    return files.filter(file -> file.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError("no download ending in " + suffix + " in " + downloads, e);
        }
    }

    /** Saves a screenshot as {@code <prefix>-NN-<name>.png}. */
    void screenshot(String name) {
        shots++;
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(file.toPath(), SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", prefix, shots, name)),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
