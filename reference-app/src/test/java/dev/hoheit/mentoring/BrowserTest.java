package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web console in headless Chromium (Debian's chromium and chromedriver): a mentee registers,
 * signs in and records Smoff-Time, which the chart shows; then accepts an operator-assigned mentor,
 * sees the mentor's view in "who viewed my data", revokes the mentor, gives an optional consent and
 * finally deletes the account with the password. Screenshots of every step go to
 * {@code target/screenshots}. Without a browser the test is skipped with the reason, never passed.
 */
class BrowserTest {

    @DatabaseTest
    void a_mentee_registers_signs_in_and_records_smoff_time(TestDatabase db) throws java.io.IOException {
        try (TestApp app = new TestApp(db)) {
            app.clock.set(java.time.Instant.now()); // the browser's date field and chart use the real today
            try (ConsoleBrowser browser = new ConsoleBrowser(app, db.kind() + "-mentee")) {
                WebDriver driver = browser.driver;
                browser.open("#/register");
                browser.visible(By.id("consent-privacy-policy"));
                assertEquals("de", driver.findElement(By.tagName("html")).getAttribute("lang"), "German by default");
                driver.findElement(By.id("nickname")).sendKeys("zoe");
                driver.findElement(By.id("password")).sendKeys("correct horse 21");
                driver.findElement(By.id("consent-privacy-policy")).click();
                driver.findElement(By.id("consent-terms-mentee")).click();
                browser.screenshot("register");
                driver.findElement(By.cssSelector("form button[type=submit]")).click();

                browser.wait.until(ExpectedConditions.urlContains("#/signin"));
                browser.visible(By.id("password"));
                driver.findElement(By.id("nickname")).sendKeys("zoe");
                driver.findElement(By.id("password")).sendKeys("correct horse 21");
                browser.screenshot("signin");
                driver.findElement(By.cssSelector("form button[type=submit]")).click();

                browser.type(By.id("minutes"), "9");
                driver.findElement(By.id("note")).sendKeys("Tagesplan im Browser");
                driver.findElement(By.cssSelector("form button[type=submit]")).click();
                browser.waitForText(By.tagName("table"), "Tagesplan im Browser");
                List<WebElement> bars = driver.findElements(By.cssSelector("svg.chart rect.bar"));
                assertEquals(14, bars.size(), "a bar per day of the last two weeks");
                assertTrue(bars.stream().anyMatch(bar -> Integer.parseInt(bar.getAttribute("height")) > 0), "today's minutes show");
                browser.screenshot("smoff-time");

                driver.findElement(By.id("lang")).sendKeys("English");
                browser.waitForText(By.tagName("h1"), "My Smoff-Time");
                browser.screenshot("english");

                TestApp.Client mentor = app.client();
                String mentorId = TestApp.json(mentor.register("max", "correct horse 22")).get("id").asText();
                mentor.signIn("max", "correct horse 22");
                TestApp.Client operator = app.client();
                operator.signIn("operator", "operator-secret-1");
                assertEquals(200, operator.put("/api/operator/mentors/" + mentorId).statusCode());
                assertEquals(201, operator.post("/api/operator/assignments",
                        Map.of("mentee", "zoe", "mentor", "max", "scope", "smoff-time-mentor")).statusCode());

                browser.menu("#/mentors");
                WebElement pending = browser.visible(By.cssSelector("li.mentor[data-status=pending]"));
                assertTrue(pending.getText().contains("sees your Smoff-Time only"), "the scope in plain words: " + pending.getText());
                assertTrue(pending.getText().contains("assigned by the operator"), pending.getText());
                browser.screenshot("mentor-pending");
                assertEquals(0, TestApp.json(mentor.get("/api/mentees")).get("mentees").size(), "nothing is shared before the mentee accepts");
                pending.findElement(By.cssSelector("button[data-action=accept]")).click();
                browser.visible(By.cssSelector("li.mentor[data-status=active]"));

                String zoe = TestApp.json(mentor.get("/api/mentees")).get("mentees").get(0).get("personId").asText();
                HttpResponse<String> seen = mentor.get("/api/mentees/" + zoe + "/smoff-sessions");
                assertEquals(200, seen.statusCode(), seen.body());
                assertTrue(seen.body().contains("Tagesplan im Browser"), "the accepted mentor sees the Smoff-Time");
                app.app.flushAudit();

                browser.menu("#/access-log");
                WebElement view = browser.visible(By.cssSelector("li.view[data-outcome=allowed]"));
                assertTrue(view.getText().contains("max") && view.getText().contains("your Smoff-Time"), "R6: " + view.getText());
                browser.screenshot("access-log");

                browser.menu("#/mentors");
                browser.visible(By.cssSelector("li.mentor[data-status=active] button[data-action=revoke]")).click();
                browser.gone(By.cssSelector("li.mentor[data-status=active]"));
                assertEquals(403, mentor.get("/api/mentees/" + zoe + "/smoff-sessions").statusCode(), "R1: access ends at once");

                browser.menu("#/consents");
                WebElement refused = browser.visible(By.cssSelector("li.consent[data-status=refused]"));
                assertEquals(2, driver.findElements(By.cssSelector("li.consent[data-status=refused]")).size(),
                        "the unticked optional boxes were recorded as refusals (R17)");
                String purpose = refused.getAttribute("data-purpose");
                refused.findElement(By.cssSelector("button[data-action=grant]")).click();
                browser.visible(By.cssSelector("li.consent[data-purpose='" + purpose + "'][data-status=granted]"));
                WebElement required = driver.findElement(By.cssSelector("li.consent[data-purpose=privacy-policy]"));
                required.findElement(By.cssSelector("button[data-action=withdraw]")).click();
                assertTrue(required.getText().contains("deletes your account"), "withdrawing a required consent asks first: " + required.getText());
                browser.screenshot("consents");
                required.findElement(By.cssSelector("button.secondary")).click(); // cancel: nothing happens

                browser.menu("#/my-data");
                WebElement export = browser.visible(By.id("export"));
                assertTrue(export.getAttribute("href").endsWith("/api/me/export"));
                export.click();
                try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(browser.downloaded(".zip").toFile())) {
                    assertTrue(zip.getEntry("manifest.json") != null, "R25: the download is the export with its manifest");
                    String manifest = new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8);
                    assertTrue(manifest.contains("smoff"), "the manifest lists the Smoff-Time store: " + manifest);
                }
                driver.findElement(By.id("password")).sendKeys("wrong password 1");
                driver.findElement(By.cssSelector("form button[type=submit]")).click();
                browser.waitForText(By.id("message"), "nothing was deleted");
                browser.type(By.id("password"), "correct horse 21");
                browser.screenshot("my-data");
                driver.findElement(By.cssSelector("form button[type=submit]")).click();
                browser.waitForText(By.id("message"), "Your account and your data are deleted");
                assertTrue(driver.getCurrentUrl().endsWith("#/signin"));
            }
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_account WHERE nickname = 'zoe'"), "the account is gone");
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_smoff_session"), "and with it the Smoff-Time");
            assertEquals(1, db.queryLong("SELECT count(*) FROM app_account WHERE nickname = 'max'"), "nobody else's");
        }
    }
}
