package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in headless Chromium (Debian's chromium and chromedriver): a mentee registers,
 * signs in and records Smoff-Time, which the chart shows; then accepts an operator-assigned mentor,
 * sees the mentor's view in "who viewed my data", revokes the mentor, gives an optional consent and
 * finally deletes the account with the password. Screenshots of every step go to
 * {@code target/screenshots}. Without a browser the test is skipped with the reason, never passed.
 */
class BrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private static WebDriver browser(Path profile) {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Browser tests skipped: Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--window-size=1000,1300", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @DatabaseTest
    void a_mentee_registers_signs_in_and_records_smoff_time(TestDatabase db) throws IOException {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        try (TestApp app = new TestApp(db)) {
            app.clock.set(java.time.Instant.now()); // the browser's date field and chart use the real today
            WebDriver driver = browser(Files.createTempDirectory("chromium-profile"));
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
                String base = "http://127.0.0.1:" + app.app.port();
                driver.get(base + "/#/register");
                visible(driver, wait, By.id("consent-privacy-policy"));
                assertEquals("de", driver.findElement(By.tagName("html")).getAttribute("lang"), "German by default");
                driver.findElement(By.id("nickname")).sendKeys("zoe");
                driver.findElement(By.id("password")).sendKeys("correct horse 21");
                driver.findElement(By.id("consent-privacy-policy")).click();
                driver.findElement(By.id("consent-terms-mentee")).click();
                screenshot(driver, shots.resolve(db.kind() + "-1-register.png"));
                driver.findElement(By.cssSelector("form button[type=submit]")).click();

                wait.until(ExpectedConditions.urlContains("#/signin"));
                visible(driver, wait, By.id("password"));
                driver.findElement(By.id("nickname")).sendKeys("zoe");
                driver.findElement(By.id("password")).sendKeys("correct horse 21");
                screenshot(driver, shots.resolve(db.kind() + "-2-signin.png"));
                driver.findElement(By.cssSelector("form button[type=submit]")).click();

                visible(driver, wait, By.id("minutes"));
                WebElement minutes = driver.findElement(By.id("minutes"));
                minutes.clear();
                minutes.sendKeys("9");
                driver.findElement(By.id("note")).sendKeys("Tagesplan im Browser");
                driver.findElement(By.cssSelector("form button[type=submit]")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("table"), "Tagesplan im Browser"));
                List<WebElement> bars = driver.findElements(By.cssSelector("svg.chart rect.bar"));
                assertEquals(14, bars.size(), "a bar per day of the last two weeks");
                assertTrue(bars.stream().anyMatch(bar -> Integer.parseInt(bar.getAttribute("height")) > 0), "today's minutes show");
                screenshot(driver, shots.resolve(db.kind() + "-3-smoff-time.png"));

                driver.findElement(By.id("lang")).sendKeys("English");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "My Smoff-Time"));
                screenshot(driver, shots.resolve(db.kind() + "-4-english.png"));

                TestApp.Client mentor = app.client();
                String mentorId = TestApp.json(mentor.register("max", "correct horse 22")).get("id").asText();
                mentor.signIn("max", "correct horse 22");
                TestApp.Client operator = app.client();
                operator.signIn("operator", "operator-secret-1");
                assertEquals(200, operator.put("/api/operator/mentors/" + mentorId).statusCode());
                assertEquals(201, operator.post("/api/operator/assignments",
                        Map.of("mentee", "zoe", "mentor", "max", "scope", "smoff-time-mentor")).statusCode());

                driver.findElement(By.cssSelector("a[href='#/mentors']")).click();
                WebElement pending = visible(driver, wait, By.cssSelector("li.mentor[data-status=pending]"));
                assertTrue(pending.getText().contains("sees your Smoff-Time only"), "the scope in plain words: " + pending.getText());
                assertTrue(pending.getText().contains("assigned by the operator"), pending.getText());
                screenshot(driver, shots.resolve(db.kind() + "-5-mentor-pending.png"));
                assertEquals(0, TestApp.json(mentor.get("/api/mentees")).get("mentees").size(), "nothing is shared before the mentee accepts");
                pending.findElement(By.cssSelector("button[data-action=accept]")).click();
                visible(driver, wait, By.cssSelector("li.mentor[data-status=active]"));

                String zoe = TestApp.json(mentor.get("/api/mentees")).get("mentees").get(0).get("personId").asText();
                HttpResponse<String> seen = mentor.get("/api/mentees/" + zoe + "/smoff-sessions");
                assertEquals(200, seen.statusCode(), seen.body());
                assertTrue(seen.body().contains("Tagesplan im Browser"), "the accepted mentor sees the Smoff-Time");
                app.app.flushAudit();

                driver.findElement(By.cssSelector("a[href='#/access-log']")).click();
                WebElement view = visible(driver, wait, By.cssSelector("li.view[data-outcome=allowed]"));
                assertTrue(view.getText().contains("max") && view.getText().contains("your Smoff-Time"), "R6: " + view.getText());
                screenshot(driver, shots.resolve(db.kind() + "-6-access-log.png"));

                driver.findElement(By.cssSelector("a[href='#/mentors']")).click();
                visible(driver, wait, By.cssSelector("li.mentor[data-status=active] button[data-action=revoke]")).click();
                wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("li.mentor[data-status=active]")));
                assertEquals(403, mentor.get("/api/mentees/" + zoe + "/smoff-sessions").statusCode(), "R1: access ends at once");

                driver.findElement(By.cssSelector("a[href='#/consents']")).click();
                WebElement refused = visible(driver, wait, By.cssSelector("li.consent[data-status=refused]"));
                assertEquals(2, driver.findElements(By.cssSelector("li.consent[data-status=refused]")).size(),
                        "the unticked optional boxes were recorded as refusals (R17)");
                String purpose = refused.getAttribute("data-purpose");
                refused.findElement(By.cssSelector("button[data-action=grant]")).click();
                visible(driver, wait, By.cssSelector("li.consent[data-purpose='" + purpose + "'][data-status=granted]"));
                WebElement required = driver.findElement(By.cssSelector("li.consent[data-purpose=privacy-policy]"));
                required.findElement(By.cssSelector("button[data-action=withdraw]")).click();
                assertTrue(required.getText().contains("deletes your account"), "withdrawing a required consent asks first: " + required.getText());
                screenshot(driver, shots.resolve(db.kind() + "-7-consents.png"));
                required.findElement(By.cssSelector("button.secondary")).click(); // cancel: nothing happens

                driver.findElement(By.cssSelector("a[href='#/my-data']")).click();
                WebElement export = visible(driver, wait, By.id("export"));
                assertTrue(export.getAttribute("href").endsWith("/api/me/export"));
                driver.findElement(By.id("password")).sendKeys("wrong password 1");
                driver.findElement(By.cssSelector("form button[type=submit]")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "nothing was deleted"));
                WebElement password = driver.findElement(By.id("password"));
                password.clear();
                password.sendKeys("correct horse 21");
                screenshot(driver, shots.resolve(db.kind() + "-8-my-data.png"));
                driver.findElement(By.cssSelector("form button[type=submit]")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Your account and your data are deleted"));
                assertTrue(driver.getCurrentUrl().endsWith("#/signin"));
            } finally {
                driver.quit();
            }
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_account WHERE nickname = 'zoe'"), "the account is gone");
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_smoff_session"), "and with it the Smoff-Time");
            assertEquals(1, db.queryLong("SELECT count(*) FROM app_account WHERE nickname = 'max'"), "nobody else's");
        }
    }

    /** Waits for the element; on a timeout the failure shows the page's address and text. */
    private static WebElement visible(WebDriver driver, WebDriverWait wait, By locator) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no " + locator + " at " + driver.getCurrentUrl() + "; the page reads: "
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    private static void screenshot(WebDriver driver, Path target) throws IOException {
        File file = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
