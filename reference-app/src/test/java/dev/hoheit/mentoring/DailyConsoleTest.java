package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Enumeration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The daily job in one step, in a real headless Chromium whose calendar is Berlin's: a newcomer
 * registers and is signed in at once, reads the explanation of Smoff-Time and the roles once, and
 * records today's planning (minutes and day plan, one save) on the plan page, which then shows
 * "done today" and her streak; her plans print without the menu and read in the dark scheme; her
 * export's index.html reads in her language with tables and receipts, and each consent receipt
 * downloads from "Meine Einwilligungen". Screenshots under {@code target/screenshots}.
 */
@Tag("browser") // drives a real Chromium: run by Failsafe in verify, after the unit tests
class DailyConsoleTest {

    private static final String PASSWORD = "correct horse daily";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @DatabaseTest
    void a_newcomer_is_signed_in_reads_the_explanation_once_and_plans_her_day_in_one_save(TestDatabase db) {
        try (TestApp app = new TestApp(db, Instant.now());
             ConsoleBrowser browser = new ConsoleBrowser(app, db.kind() + "-daily")) {
            inBerlin(browser);
            LocalDate today = LocalDate.now(BERLIN);

            // Registering signs her in: her first page, not the sign-in form.
            browser.open("#/register");
            browser.type(By.id("nickname"), "tilda");
            browser.type(By.id("password"), PASSWORD);
            browser.driver.findElement(By.id("consent-privacy-policy")).click();
            browser.driver.findElement(By.id("consent-terms-mentee")).click();
            browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
            browser.visible(By.id("codes-saved")).click();
            browser.wait.until(ExpectedConditions.urlContains("#/smoff-time"));
            browser.settled();
            assertTrue(browser.driver.findElements(By.id("password")).isEmpty(), "no sign-in form");
            browser.visible(By.id("signout"));

            // The first sign-in explains Smoff-Time and the roles, her own marked.
            WebElement welcome = browser.visible(By.id("welcome"));
            assertTrue(welcome.getText().contains("Smoff-Time ist die Aufzeichnung dieser Planungszeiten"), welcome.getText());
            assertTrue(welcome.getText().contains("Ihre Rolle in Smoffen ist Mentee."), welcome.getText());
            assertEquals(6, welcome.findElements(By.cssSelector("#welcome-roles li")).size(), "every role explained");
            assertEquals("mentee", welcome.findElement(By.cssSelector("#welcome-roles li.yours")).getDomAttribute("data-role"));
            WebElement status = browser.visible(By.id("daily-status"));
            assertEquals("false", status.getDomAttribute("data-done"));
            assertTrue(status.getText().contains("Heute noch offen") && status.getText().contains("Noch keine Serie"), status.getText());
            browser.screenshot("signed-in-after-registering-with-explanation");

            // She has planned on the two days before (recorded elsewhere, by API).
            TestApp.Client api = app.client();
            api.signIn("tilda", PASSWORD);
            for (int back = 1; back <= 2; back++) {
                assertEquals(201, api.post("/api/me/smoff-sessions", Map.of("kind", "day", "date", today.minusDays(back).toString(), "minutes", 6))
                        .statusCode());
            }

            // Read once: gone, here and after reloading (the server remembers it).
            browser.driver.findElement(By.id("welcome-done")).click();
            browser.gone(By.id("welcome"));
            browser.open("#/plans");
            browser.driver.navigate().refresh(); // a fresh start of the console: what it knows comes from the server
            browser.visible(By.id("plan-form"));
            browser.settled();
            assertTrue(browser.driver.findElements(By.id("welcome")).isEmpty(), "not shown again");
            status = browser.visible(By.id("daily-status"));
            assertEquals("false", status.getDomAttribute("data-done"), "not done today yet");
            assertEquals("2", status.getDomAttribute("data-streak"), "yesterday's streak holds until today is over");
            assertTrue(status.getText().contains("2 Tage in Folge"), status.getText());

            // Today's planning: the day plan and its minutes in one form, one save.
            assertEquals(today.toString(), browser.visible(By.id("plan-period")).getDomProperty("value"), "today in Berlin");
            browser.type(By.id("plan-text"), "1. Angebot für Kunde M.\n2. Laufen\n3. Steuerunterlagen sortieren");
            assertEquals("Plan speichern", browser.driver.findElement(By.id("plan-save")).getText());
            browser.type(By.id("plan-minutes"), "8");
            assertEquals("Plan und Smoff-Time speichern", browser.driver.findElement(By.id("plan-save")).getText());
            browser.screenshot("todays-planning-in-one-form");
            browser.driver.findElement(By.id("plan-save")).click();
            browser.waitForText(By.id("message"), "Der Plan und 8 Minuten Smoff-Time sind gespeichert.");
            browser.wait.until(d -> "true".equals(d.findElement(By.id("daily-status")).getDomAttribute("data-done")));
            status = browser.visible(By.id("daily-status"));
            assertEquals("3", status.getDomAttribute("data-streak"));
            assertTrue(status.getText().contains("Heute erledigt") && status.getText().contains("3 Tage in Folge"), status.getText());
            browser.waitForText(By.id("plan-minutes-already"), "8 Minuten");
            browser.visible(By.id("plan-day-" + today));
            browser.screenshot("done-today-and-streak");
            assertEquals(1, db.queryLong("SELECT count(*) FROM app_smoff_session WHERE kind = 'DAY' AND minutes = 8"));
            assertEquals(1, db.queryLong("SELECT count(*) FROM app_plan WHERE kind = 'DAY' AND period = ?", today.toString()));

            // The Smoff-Time page shows the same, and the entry.
            browser.menu("#/smoff-time");
            browser.waitForText(By.id("daily-status"), "Heute erledigt");
            browser.waitForText(By.tagName("table"), today.toString());
            browser.screenshot("smoff-time-done-today");

            // Signed in again later: no explanation.
            browser.signOut();
            browser.signIn("tilda", PASSWORD);
            browser.visible(By.id("daily-status"));
            assertTrue(browser.driver.findElements(By.id("welcome")).isEmpty(), "remembered per account");
        }
    }

    @DatabaseTest
    void plans_print_without_the_menu_and_read_in_the_dark_scheme(TestDatabase db) {
        try (TestApp app = new TestApp(db, Instant.now());
             ConsoleBrowser browser = new ConsoleBrowser(app, db.kind() + "-print")) {
            inBerlin(browser);
            TestApp.Client api = app.client();
            api.register("ulla", PASSWORD);
            api.post("/api/me/welcome", Map.of("seen", true));
            LocalDate today = LocalDate.now(BERLIN);
            api.put("/api/me/plans/day/" + today, Map.of("text", "1. Zahnarzt 9 Uhr\n2. Bericht fertig\n3. Abends lesen"));
            api.put("/api/me/plans/year/" + today.getYear(), Map.of("text", "Halbmarathon\nSpanisch A2"));
            browser.signIn("ulla", PASSWORD);
            browser.menu("#/plans");
            browser.visible(By.id("plan-day-" + today));
            JavascriptExecutor js = (JavascriptExecutor) browser.driver;

            browser.emulate("print");
            assertEquals("none", js.executeScript("return getComputedStyle(document.querySelector('header.top')).display"), "no menu on paper");
            assertEquals("none", js.executeScript("return getComputedStyle(document.getElementById('plan-form')).display"), "no form");
            assertEquals("none", js.executeScript("return getComputedStyle(document.querySelector('#saved-plans button')).display"), "no buttons");
            assertEquals("rgb(0, 0, 0)", js.executeScript("return getComputedStyle(document.querySelector('.plan-text')).color"), "black ink");
            assertTrue(browser.visible(By.id("plan-year-" + today.getYear())).getText().contains("Halbmarathon"));
            browser.screenshot("plans-printed");

            browser.emulate("dark");
            assertEquals("block", js.executeScript("return getComputedStyle(document.getElementById('plan-form')).display"));
            String background = (String) js.executeScript("return getComputedStyle(document.body).backgroundColor");
            assertEquals("rgb(21, 24, 28)", background, "the dark scheme's background");
            assertEquals("rgb(230, 233, 237)", js.executeScript("return getComputedStyle(document.querySelector('.plan-text')).color"));
            browser.screenshot("plans-dark");
            browser.menu("#/smoff-time");
            browser.visible(By.cssSelector("svg.chart"));
            browser.screenshot("smoff-time-dark");
            browser.emulate("light");
        }
    }

    @DatabaseTest
    void her_export_reads_in_her_language_and_her_consent_receipts_download(TestDatabase db) throws IOException {
        try (TestApp app = new TestApp(db, Instant.now());
             ConsoleBrowser browser = new ConsoleBrowser(app, db.kind() + "-export")) {
            TestApp.Client api = app.client();
            api.register("vroni", PASSWORD);
            api.post("/api/me/welcome", Map.of("seen", true));
            api.post("/api/me/daily-planning", Map.of("date", LocalDate.now(BERLIN).minusDays(1).toString(), "minutes", 9,
                    "plan", "Wochenziele prüfen"));
            browser.signIn("vroni", PASSWORD);

            // Each decision's receipt downloads from "Meine Einwilligungen".
            browser.menu("#/consents");
            WebElement receipts = browser.visible(By.cssSelector("#receipts-privacy-policy summary"));
            receipts.click();
            WebElement link = browser.visible(By.cssSelector("#receipts-privacy-policy a.receipt"));
            assertTrue(link.getText().startsWith("Beleg herunterladen: eingewilligt am"), link.getText());
            browser.screenshot("consent-receipts");
            link.click();
            Path receipt = browser.downloaded(".json");
            String receiptJson = Files.readString(receipt);
            assertTrue(receiptJson.contains("\"consentReceiptID\" : \"" + link.getDomAttribute("data-decision") + "\"")
                    || receiptJson.contains("\"consentReceiptID\":\"" + link.getDomAttribute("data-decision") + "\""), receiptJson);
            Files.delete(receipt);

            // The export in German: her nickname, every store as tables, the receipts.
            browser.menu("#/my-data");
            browser.visible(By.id("export")).click();
            Path german = unpacked(browser.downloaded(".zip"));
            browser.driver.get(german.resolve("index.html").toUri().toString());
            WebElement page = browser.visible(By.tagName("h1"));
            assertEquals("Alle über Sie gespeicherten Daten", page.getText());
            String text = browser.text();
            assertTrue(text.contains("Export für vroni"), text);
            assertTrue(text.contains("Wochenziele prüfen") && text.contains("Belege Ihrer Einwilligungen"), text);
            assertTrue(browser.driver.findElements(By.cssSelector("section table")).size() >= 5, "tables of the stores");
            assertFalse(text.contains("Everything stored about you"));
            browser.screenshot("export-index-german");
            browser.driver.findElement(By.cssSelector("a[href^='stores/consent/receipt-']")); // the receipts are in the ZIP

            // And in English, when the console is in English.
            browser.open("#/my-data");
            new Select(browser.visible(By.id("lang"))).selectByValue("en");
            browser.waitForText(By.tagName("h1"), "My data");
            browser.visible(By.id("export")).click();
            Path english = unpacked(browser.wait.until(d -> {
                try (var files = Files.list(browser.downloads)) {
                    return files.filter(f -> f.getFileName().toString().endsWith(".zip")).findFirst().orElse(null);
                } catch (IOException e) {
                    return null;
                }
            }));
            browser.driver.get(english.resolve("index.html").toUri().toString());
            assertEquals("Everything stored about you", browser.visible(By.tagName("h1")).getText());
            assertTrue(browser.text().contains("Export for vroni"), browser.text());
            browser.screenshot("export-index-english");
        }
    }

    /** The browser's calendar is Berlin's. */
    private static void inBerlin(ConsoleBrowser browser) {
        ((ChromiumDriver) browser.driver).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", BERLIN.getId()));
    }

    /** Unpacks a downloaded ZIP next to it and removes the download, so the next one is found. */
    private static Path unpacked(Path zip) throws IOException {
        Path folder = Files.createTempDirectory("smoffen-export");
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                Path target = folder.resolve(entry.getName()).normalize();
                assertTrue(target.startsWith(folder), entry.getName());
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.delete(zip);
        return folder;
    }
}
