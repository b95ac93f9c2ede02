package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The main story of the platform, every step in the web console of a real headless Chromium
 * (Debian's chromium and chromedriver), two people at two browsers: a mentee registers, records
 * Smoff-Time and uploads a picture; the operator makes a mentor and an auditor and assigns the
 * mentor; the mentee accepts; the mentor views her data; she sees that view in "who viewed my
 * data", revokes the mentor (whose page then shows nothing), decides her consents, downloads her
 * export and deletes her account; the auditor's verification report then shows no findings.
 * Screenshots of every step go to {@code target/screenshots}. Without a browser the test is
 * skipped with the reason, never passed.
 */
@Tag("browser") // drives a real Chromium: run by Failsafe in verify, after the unit tests
class BrowserTest {

    private static final String OPERATOR_PASSWORD = "operator-secret-1";

    @DatabaseTest
    void the_main_story_across_every_role(TestDatabase db) throws IOException {
        try (TestApp app = new TestApp(db, java.time.Instant.now())) { // the browser's dates and charts use the real today
            try (ConsoleBrowser mentee = new ConsoleBrowser(app, db.kind() + "-story-mentee");
                 ConsoleBrowser staff = new ConsoleBrowser(app, db.kind() + "-story-staff")) {
                WebDriver driver = mentee.driver;

                // A mentee registers with the notices of her role, signs in and records Smoff-Time.
                mentee.open("#/register");
                mentee.visible(By.id("consent-privacy-policy"));
                assertEquals("de", driver.findElement(By.tagName("html")).getAttribute("lang"), "German by default");
                driver.findElement(By.id("nickname")).sendKeys("zoe");
                driver.findElement(By.id("password")).sendKeys("correct horse 21");
                driver.findElement(By.id("consent-privacy-policy")).click();
                driver.findElement(By.id("consent-terms-mentee")).click();
                mentee.screenshot("register");
                driver.findElement(By.cssSelector("form button[type=submit]")).click();
                mentee.visible(By.id("codes-saved")).click(); // the recovery codes, shown once
                // Registering signs her in: she lands on her first page, not on the sign-in form.
                mentee.wait.until(ExpectedConditions.urlContains("#/smoff-time"));
                mentee.visible(By.id("signout"));
                mentee.settled();
                mentee.screenshot("signed-in-after-registering");

                mentee.type(By.id("minutes"), "9");
                driver.findElement(By.id("note")).sendKeys("Tagesplan im Browser");
                driver.findElement(By.cssSelector("form button[type=submit]")).click();
                mentee.waitForText(By.tagName("table"), "Tagesplan im Browser");
                List<WebElement> bars = driver.findElements(By.cssSelector("svg.chart rect.bar"));
                assertEquals(14, bars.size(), "a bar per day of the last two weeks");
                assertTrue(bars.stream().anyMatch(bar -> Integer.parseInt(bar.getAttribute("height")) > 0), "today's minutes show");
                mentee.screenshot("smoff-time");

                // She uploads a photo of her paper plan.
                mentee.menu("#/pictures");
                mentee.visible(By.id("picture-file")).sendKeys(MenteeConsoleTest.picture("png", 120, 90).toString());
                driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
                WebElement uploaded = mentee.visible(By.cssSelector("li.picture img"));
                assertEquals(120, mentee.loaded(uploaded));
                mentee.screenshot("pictures");
                assertEquals(1, db.queryLong("SELECT count(*) FROM app_picture"));

                // The operator makes max a mentor, creates an auditor account and assigns max to zoe.
                TestApp.Client max = app.client();
                assertEquals(201, max.register("max", "correct horse 22").statusCode());
                staff.signIn("operator", OPERATOR_PASSWORD);
                staff.menu("#/accounts");
                staff.type(By.id("op-new-nickname"), "pruefer");
                staff.type(By.id("op-new-password"), "correct horse 31");
                new Select(staff.driver.findElement(By.id("op-new-role"))).selectByValue("auditor");
                staff.driver.findElement(By.cssSelector("#op-new-account button[type=submit]")).click();
                staff.visible(By.cssSelector("li.op-account[data-nickname=pruefer][data-roles=auditor]"));
                staff.type(By.id("op-q"), "max");
                staff.driver.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
                staff.visible(By.cssSelector("li.op-account[data-nickname=max] button[data-action=grant-mentor]")).click();
                staff.visible(By.cssSelector("li.op-account[data-nickname=max][data-roles~=mentor]"));
                staff.screenshot("operator-accounts");
                staff.menu("#/assignments");
                staff.type(By.id("op-mentee"), "zoe");
                staff.type(By.id("op-mentor"), "max");
                staff.driver.findElement(By.cssSelector("label[for=op-scope-mentor]")).click();
                staff.driver.findElement(By.cssSelector("#op-assign button[type=submit]")).click();
                staff.visible(By.cssSelector("li.op-assignment[data-mentee=zoe][data-mentor=max][data-status=pending]"));
                staff.screenshot("operator-assignment");
                staff.signOut();

                // zoe accepts in her console, with the scope in plain words; max, not having accepted the
                // mentor terms yet, gets nothing from the mentor API (R27).
                max.signInOnly("max", "correct horse 22"); // decides nothing: he does that in his console below
                assertEquals(403, max.get("/api/mentees").statusCode(), "no mentor endpoint before the mentor terms");
                mentee.menu("#/mentors");
                WebElement pending = mentee.visible(By.cssSelector("li.mentor[data-status=pending]"));
                assertTrue(pending.getText().contains("sieht Ihre Smoff-Time, Pläne und Bilder"), "the scope in plain words: " + pending.getText());
                assertTrue(pending.getText().contains("vom Betreiber zugewiesen"), pending.getText());
                mentee.screenshot("mentor-pending");
                pending.findElement(By.cssSelector("button[data-action=accept]")).click();
                mentee.visible(By.cssSelector("li.mentor[data-status=active]"));

                // The mentor first decides the terms of his new role (R27), then views her Smoff-Time and picture.
                staff.signInAndWait("max", "correct horse 22");
                WebElement terms = staff.visible(By.id("terms-form"));
                assertTrue(terms.getText().contains("Nutzungsbedingungen für Mentoren"), "the mentor's own terms: " + terms.getText());
                staff.driver.findElement(By.cssSelector("#terms-form button[type=submit]")).click();
                staff.waitForText(By.id("message"), "Bitte stimmen Sie den erforderlichen Bedingungen zu");
                staff.screenshot("mentor-terms");
                staff.driver.findElement(By.cssSelector("#terms-form input[data-required=true]")).click();
                staff.driver.findElement(By.cssSelector("#terms-form button[type=submit]")).click();
                staff.gone(By.id("terms-form"));
                assertEquals(0, TestApp.json(max.get("/api/me")).get("consentsToGive").size(), "decided");
                staff.menu("#/mentees");
                staff.visible(By.cssSelector("li.mentee a.mentee-name")).click();
                staff.waitForText(By.cssSelector("#mentee-smoff-time table"), "Tagesplan im Browser");
                WebElement seen = staff.visible(By.cssSelector("#mentee-pictures img"));
                assertEquals(120, staff.loaded(seen), "the picture really loads for him");
                staff.screenshot("mentor-views");
                app.app.flushAudit();

                // She sees each of his views in "who viewed my data".
                mentee.menu("#/access-log");
                WebElement view = mentee.visible(By.cssSelector("li.view[data-outcome=allowed]"));
                String timeline = driver.findElement(By.cssSelector("ol.timeline")).getText();
                assertTrue(timeline.contains("max") && timeline.contains("Ihre Smoff-Time") && timeline.contains("Ihre Bilder"),
                        "R6: every view, by whom and what: " + timeline);
                assertTrue(view.isDisplayed());
                mentee.screenshot("access-log");

                // She revokes him; his next look shows nothing (R1: access ends at once).
                mentee.menu("#/mentors");
                mentee.visible(By.cssSelector("li.mentor[data-status=active] button[data-action=revoke]")).click();
                mentee.gone(By.cssSelector("li.mentor[data-status=active]"));
                staff.visible(By.id("mentee-reload")).click();
                staff.visible(By.id("mentee-no-access"));
                assertTrue(staff.driver.findElements(By.tagName("img")).isEmpty(), "no picture is left on his page");
                staff.screenshot("mentor-revoked");
                staff.signOut();

                // Her consents: the optional boxes she left empty were recorded as refusals (R17); she gives one.
                driver.findElement(By.id("lang")).sendKeys("English");
                mentee.menu("#/consents");
                WebElement refused = mentee.visible(By.cssSelector("li.consent[data-status=refused]"));
                assertEquals(2, driver.findElements(By.cssSelector("li.consent[data-status=refused]")).size());
                String purpose = refused.getAttribute("data-purpose");
                refused.findElement(By.cssSelector("button[data-action=grant]")).click();
                mentee.visible(By.cssSelector("li.consent[data-purpose='" + purpose + "'][data-status=granted]"));
                WebElement required = driver.findElement(By.cssSelector("li.consent[data-purpose=privacy-policy]"));
                required.findElement(By.cssSelector("button[data-action=withdraw]")).click();
                assertTrue(required.getText().contains("deletes your account"), "withdrawing a required consent asks first: " + required.getText());
                mentee.screenshot("consents");
                required.findElement(By.cssSelector("button.secondary")).click(); // cancel: nothing happens

                // She downloads everything stored about her (R25), then deletes her account (R11).
                mentee.menu("#/my-data");
                WebElement export = mentee.visible(By.id("export"));
                assertTrue(export.getAttribute("href").endsWith("/api/me/export?lang=en"), "the export in the page's language");
                export.click();
                try (ZipFile zip = new ZipFile(mentee.downloaded(".zip").toFile())) {
                    String manifest = new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes(), StandardCharsets.UTF_8);
                    assertTrue(manifest.contains("smoff") && manifest.contains("pictures"), "the manifest lists her stores: " + manifest);
                }
                driver.findElement(By.id("password")).sendKeys("wrong password 1");
                driver.findElement(By.cssSelector("form button[type=submit]")).click();
                mentee.waitForText(By.id("message"), "nothing was deleted");
                mentee.type(By.id("password"), "correct horse 21");
                mentee.screenshot("my-data");
                driver.findElement(By.cssSelector("form button[type=submit]")).click();
                mentee.waitForText(By.id("message"), "Your account and your data are deleted");
                assertTrue(driver.getCurrentUrl().endsWith("#/signin"));

                // The auditor's report: retention, deletion and the log behave as promised.
                app.app.flushAudit();
                staff.signIn("pruefer", "correct horse 31");
                staff.menu("#/verification");
                WebElement result = staff.visible(By.id("audit-result"));
                assertEquals("true", result.getAttribute("data-ok"), result.getText());
                staff.visible(By.id("audit-no-findings"));
                staff.screenshot("auditor-verification");
            }
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_account WHERE nickname = 'zoe'"), "the account is gone");
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_smoff_session"), "and with it the Smoff-Time");
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_picture"), "and the picture");
            assertEquals(1, db.queryLong("SELECT count(*) FROM app_account WHERE nickname = 'max'"), "nobody else's");
        }
    }
}
