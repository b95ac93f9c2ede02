package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The mentee's and the self-service pages of the web console in headless Chromium: Smoff-Time per
 * day and per week, plans, pictures (a real PNG and JPEG, a non-image refused), inviting a mentor,
 * messages both ways, what employers see, what I did, the notices behind my consents, and my data
 * (stored data, e-mail correction, restriction, the deletion warning). Every step is checked against
 * the API or the database too, and photographed under {@code target/screenshots}.
 */
@Tag("browser") // drives a real Chromium: run by Failsafe in verify, after the unit tests
class MenteeConsoleTest {

    private static final String PASSWORD = "correct horse 31";

    @DatabaseTest
    void a_mentee_uses_the_mentee_and_self_service_pages(TestDatabase db) throws IOException {
        try (TestApp app = new TestApp(db, Instant.now())) { // the browser's dates, charts and periods use the real today
            LocalDate utcToday = LocalDate.now(ZoneOffset.UTC);
            LocalDate today = LocalDate.now();

            TestApp.Client lea = app.client();
            String leaId = TestApp.json(lea.register("lea", PASSWORD)).get("id").asText();
            lea.signIn("lea", PASSWORD);
            record(lea, "day", utcToday, 9);
            record(lea, "day", utcToday.minusDays(8), 6);
            record(lea, "week", utcToday, 20);
            record(lea, "day", utcToday.minusDays(30), 5);

            TestApp.Client mentor = app.client();
            String maxId = TestApp.json(mentor.register("max", "correct horse 32")).get("id").asText();
            mentor.signIn("max", "correct horse 32");
            TestApp.Client operator = app.client();
            operator.signIn("operator", "operator-secret-1");
            assertEquals(200, operator.put("/api/operator/mentors/" + maxId).statusCode());
            mentor.acceptTerms(); // the new mentor accepts the mentor terms (R27)
            assertEquals(201, operator.post("/api/operator/accounts", Map.of("nickname", "acme", "password", "employer secret 1",
                    "role", "employer")).statusCode());
            assertEquals(201, operator.post("/api/operator/employments", Map.of("employee", "lea", "employer", "acme")).statusCode());
            assertEquals(201, operator.post("/api/operator/courses", Map.of("name", "Planen lernen", "mentees", List.of("lea"))).statusCode());

            try (ConsoleBrowser browser = new ConsoleBrowser(app, db.kind() + "-mentee-pages")) {
                WebDriver driver = browser.driver;
                JavascriptExecutor js = (JavascriptExecutor) driver;
                browser.signIn("lea", PASSWORD);

                // Smoff-Time: per day (14 bars) and per week (12 bars), switched with radio buttons.
                browser.visible(By.cssSelector("svg.chart[data-view=day]"));
                assertEquals(14, driver.findElements(By.cssSelector("svg.chart rect.bar")).size());
                browser.waitForText(By.id("chart-summary"), "Zusammen 15 Minuten in 14 Tagen"); // day sessions only: the weekly review is not a day's
                assertEquals(1, driver.findElements(By.cssSelector("svg.chart rect.recommended")).size(), "the recommended range is drawn");
                driver.findElement(By.id("chart-view-week")).click();
                browser.visible(By.cssSelector("svg.chart[data-view=week]"));
                assertEquals(12, driver.findElements(By.cssSelector("svg.chart rect.bar")).size(), "a bar per week of the last 12");
                browser.waitForText(By.id("chart-summary"), "Zusammen 20 Minuten in 12 Wochen"); // the weekly sessions
                browser.waitForText(By.id("chart-title"), "letzten 12 Wochen");
                String thisWeek = isoWeek(utcToday);
                WebElement lastBar = driver.findElements(By.cssSelector("svg.chart rect.bar")).get(11);
                assertTrue(lastBar.findElement(By.tagName("title")).getAttribute("textContent").startsWith(thisWeek + ": 20 min"),
                        "this week's bar is this week's weekly session");
                browser.screenshot("smoff-time-per-week");
                driver.findElement(By.id("chart-view-day")).click();
                browser.visible(By.cssSelector("svg.chart[data-view=day]"));

                // A wrong entry is deleted (after a confirmation) to correct it (R13).
                String wrong = null;
                for (var session : TestApp.json(lea.get("/api/me/smoff-sessions")).get("sessions")) {
                    if (session.get("minutes").asInt() == 5) {
                        wrong = session.get("id").asText();
                    }
                }
                browser.visible(By.cssSelector("#session-" + wrong + " button[data-action=delete]")).click();
                browser.visible(By.cssSelector("#session-" + wrong + " button[data-action=confirm]")).click();
                browser.gone(By.id("session-" + wrong));
                browser.waitForText(By.id("message"), "Der Eintrag ist gelöscht.");
                assertEquals(0, db.queryLong("SELECT count(*) FROM app_smoff_session WHERE session_id = ?", wrong), "gone from the database");
                assertEquals(3, TestApp.json(lea.get("/api/me/smoff-sessions")).get("sessions").size());
                assertEquals(404, lea.delete("/api/me/smoff-sessions/" + wrong).statusCode(), "a second delete finds nothing");
                record(lea, "day", utcToday.minusDays(30), 5); // entered again, as the person would after correcting it

                // Plans: today's, this week's and another year's; listed and stored.
                browser.menu("#/plans");
                assertEquals(today.toString(), browser.visible(By.id("plan-period")).getAttribute("value"), "today's plan first");
                browser.waitForText(By.id("plan-editor-title"), "Tagesplan für");
                browser.type(By.id("plan-text"), "Heute: Angebot schreiben");
                driver.findElement(By.cssSelector("#plan-form button[type=submit]")).click();
                browser.waitForText(By.cssSelector("li.plan[data-kind=day][data-period='" + today + "']"), "Angebot schreiben");
                browser.waitForText(By.id("plan-status"), "Zuletzt gespeichert");

                driver.findElement(By.id("plan-kind-week")).click();
                String week = isoWeek(today);
                browser.wait.until(ExpectedConditions.attributeToBe(By.id("plan-period"), "value", week));
                browser.waitForText(By.id("plan-editor-title"), "Wochenplan für KW " + Integer.parseInt(week.substring(6)));
                browser.type(By.id("plan-text"), "Diese Woche: Kurs vorbereiten");
                driver.findElement(By.cssSelector("#plan-form button[type=submit]")).click();
                browser.waitForText(By.cssSelector("li.plan[data-kind=week][data-period='" + week + "']"), "Kurs vorbereiten");

                driver.findElement(By.id("plan-kind-year")).click();
                browser.wait.until(ExpectedConditions.attributeToBe(By.id("plan-period"), "value", String.valueOf(today.getYear())));
                browser.type(By.id("plan-period"), String.valueOf(today.getYear() + 1));
                driver.findElement(By.id("plan-period")).sendKeys(Keys.TAB);
                browser.waitForText(By.id("plan-editor-title"), "Jahresplan für " + (today.getYear() + 1));
                browser.type(By.id("plan-text"), "Nächstes Jahr: Team aufbauen");
                driver.findElement(By.cssSelector("#plan-form button[type=submit]")).click();
                browser.waitForText(By.cssSelector("li.plan[data-kind=year][data-period='" + (today.getYear() + 1) + "']"), "Team aufbauen");

                browser.visible(By.cssSelector("li.plan[data-kind=day] button[data-action=edit]")).click();
                browser.wait.until(ExpectedConditions.attributeToBe(By.id("plan-text"), "value", "Heute: Angebot schreiben"));
                assertTrue(driver.findElement(By.id("plan-kind-day")).isSelected(), "editing a day plan selects the kind");
                browser.screenshot("plans");
                JsonNode plans = TestApp.json(lea.get("/api/me/plans")).get("plans");
                assertEquals(3, plans.size(), plans.toString());
                assertTrue(plans.toString().contains("Diese Woche: Kurs vorbereiten") && plans.toString().contains("\"" + week + "\""));
                assertEquals(3, db.queryLong("SELECT count(*) FROM app_plan WHERE account_id = ?", leaId), "three plans stored");
                assertEquals(1, db.queryLong("SELECT count(*) FROM app_plan WHERE kind = 'WEEK' AND period = ?", week));

                driver.manage().window().setSize(new Dimension(390, 900));
                browser.screenshot("plans-phone");
                driver.manage().window().setSize(new Dimension(1000, 1300));

                // Pictures: a real PNG and JPEG show in the gallery; a text file is refused in plain words; one is deleted.
                browser.menu("#/pictures");
                browser.visible(By.id("no-pictures"));
                Path png = picture("png", 64, 48);
                browser.visible(By.id("picture-file")).sendKeys(png.toString());
                driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
                browser.visible(By.cssSelector("li.picture img"));
                loaded(browser, js, 64);
                Path jpeg = picture("jpg", 40, 30);
                browser.visible(By.id("picture-file")).sendKeys(jpeg.toString());
                driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
                browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("li.picture"), 2));
                loaded(browser, js, 40);
                assertTrue(driver.findElement(By.cssSelector("li.picture img")).getAttribute("alt").startsWith("Ihr Bild vom"), "alt text");

                Path text = Files.createTempFile("not-a-picture", ".png");
                Files.writeString(text, "Dies ist kein Bild, nur Text.", StandardCharsets.UTF_8);
                browser.visible(By.id("picture-file")).sendKeys(text.toString());
                driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
                browser.waitForText(By.id("upload-problem"), "Diese Datei ist kein JPEG- oder PNG-Bild");
                browser.waitForText(By.id("message"), "Das ist kein JPEG- oder PNG-Bild"); // in the page's language
                browser.screenshot("pictures-refused");
                assertEquals(2, TestApp.json(lea.get("/api/me/pictures")).get("pictures").size(), "nothing stored for the text file");

                String doomedId = TestApp.json(lea.get("/api/me/pictures")).get("pictures").get(0).get("id").asText();
                WebElement doomed = driver.findElement(By.id("picture-" + doomedId));
                doomed.findElement(By.cssSelector("button[data-action=delete]")).click();
                assertTrue(doomed.getText().contains("endgültig gelöscht"), "deleting asks first: " + doomed.getText());
                doomed.findElement(By.cssSelector("button[data-action=cancel]")).click();
                assertEquals(2, TestApp.json(lea.get("/api/me/pictures")).get("pictures").size(), "cancel deletes nothing");
                doomed.findElement(By.cssSelector("button[data-action=delete]")).click();
                doomed.findElement(By.cssSelector("button[data-action=confirm]")).click();
                browser.gone(By.id("picture-" + doomedId));
                browser.count(By.cssSelector("li.picture"), 1); // the list is drawn anew after the deletion
                browser.screenshot("pictures");
                assertEquals(1, TestApp.json(lea.get("/api/me/pictures")).get("pictures").size());
                assertEquals(0, db.queryLong("SELECT count(*) FROM app_picture WHERE picture_id = ?", doomedId), "the deleted picture is gone");

                // Mentors: someone without mentor rights is refused; max is invited with everything in scope.
                browser.menu("#/mentors");
                browser.type(By.id("invite-nickname"), "acme");
                driver.findElement(By.cssSelector("#invite-form button[type=submit]")).click();
                browser.waitForText(By.id("message"), "keine Mentorenrechte");
                browser.type(By.id("invite-nickname"), "max");
                assertTrue(driver.findElement(By.id("invite-scope-smoff-time-mentor")).isSelected(), "the narrower scope by default");
                driver.findElement(By.id("invite-scope-mentor")).click();
                driver.findElement(By.cssSelector("#invite-form button[type=submit]")).click();
                browser.waitForText(By.id("message"), "max ist jetzt Ihr Mentor"); // on a refusal, the failure shows its message
                WebElement invited = browser.visible(By.cssSelector("li.mentor[data-status=active][data-nickname=max]"));
                assertTrue(invited.getText().contains("sieht Ihre Smoff-Time, Pläne und Bilder"), invited.getText());
                browser.screenshot("mentors");
                HttpResponse<String> shared = mentor.get("/api/mentees/" + leaId + "/plans");
                assertEquals(200, shared.statusCode(), shared.body());
                assertTrue(shared.body().contains("Angebot schreiben"), "the invited mentor sees the plans");

                // Messages: lea writes, max replies over the API, the reply shows.
                browser.menu("#/messages");
                assertEquals(maxId, new org.openqa.selenium.support.ui.Select(browser.visible(By.id("message-to"))).getFirstSelectedOption()
                        .getAttribute("value"));
                browser.type(By.id("message-text"), "Hallo Max, hast du Zeit für meinen Wochenplan?");
                driver.findElement(By.cssSelector("#message-form button[type=submit]")).click();
                browser.waitForText(By.cssSelector("section.conversation[data-with=max] li.message[data-direction=out]"), "Wochenplan");
                JsonNode received = TestApp.json(mentor.get("/api/me/messages")).get("messages");
                assertEquals(1, received.size());
                assertEquals(leaId, received.get(0).get("from").asText());
                app.clock.advance(Duration.ofMinutes(2));
                assertEquals(201, mentor.post("/api/me/messages", Map.of("to", leaId, "text", "Gern, morgen um neun.")).statusCode());
                driver.findElement(By.id("messages-reload")).click();
                browser.waitForText(By.cssSelector("section.conversation[data-with=max] li.message[data-direction=in]"), "morgen um neun");
                browser.screenshot("messages");

                // What employers see: the employer, the course, and the very assessment the employer gets.
                browser.menu("#/employer-view");
                browser.waitForText(By.id("employers"), "acme");
                browser.waitForText(By.id("courses"), "Planen lernen");
                // Lea's account is from today: the assessment starts there, and her one day (and week) is planned.
                browser.waitForText(By.id("assessment-daily"), "An 100 % der Tage im Zeitraum gibt es eine Tagesplanung.");
                browser.waitForText(By.id("assessment-weekly"), "In 100 % der Wochen");
                browser.waitForText(By.id("assessment-notice"), "keine automatisierte Entscheidung");
                browser.screenshot("employer-view");
                String preview = browser.visible(By.id("assessment")).getText();
                try (ConsoleBrowser employerBrowser = new ConsoleBrowser(app, db.kind() + "-employer-of-lea")) {
                    employerBrowser.signIn("acme", "employer secret 1");
                    employerBrowser.open("#/employees/" + leaId);
                    employerBrowser.waitForText(By.id("assessment-seen"), "lea sieht genau diese Bewertung");
                    assertEquals(preview, employerBrowser.visible(By.id("assessment")).getText(),
                            "the preview is the employer's page itself: same component, same figures");
                    employerBrowser.screenshot("employer-sees-lea");
                }
                TestApp.Client employer = app.client();
                employer.signIn("acme", "employer secret 1");
                HttpResponse<String> assessment = employer.get("/api/employer/employees/" + leaId + "/assessment");
                assertEquals(200, assessment.statusCode(), assessment.body());
                assertEquals(TestApp.json(assessment), TestApp.json(lea.get("/api/me/employer-view")).get("whatEmployersSee"),
                        "the preview is exactly what the employer gets");

                // What I did: the steps above, in plain words.
                app.app.flushAudit();
                browser.menu("#/activity");
                browser.waitForText(By.cssSelector("li.activity[data-action=update][data-what=plan]"), "Sie haben einen Plan gespeichert.");
                browser.waitForText(By.cssSelector("li.activity[data-action=delete][data-what=picture]"), "Sie haben ein Bild gelöscht.");
                browser.waitForText(By.cssSelector("li.activity[data-action=create][data-what=message]"), "Sie haben eine Nachricht gesendet.");
                browser.visible(By.cssSelector("li.activity[data-action=grant][data-what=mentor-grant]"));
                assertTrue(driver.findElements(By.cssSelector("li.activity[data-what=page]")).stream()
                        .anyMatch(step -> step.getText().contains("Sie haben „Pläne“ aufgerufen.")), "each page opened is named");
                browser.screenshot("activity");

                // In English from here: the consents with their notices' text, then my data.
                driver.findElement(By.id("lang")).sendKeys("English");
                browser.waitForText(By.tagName("h1"), "What I did");
                browser.waitForText(By.cssSelector("li.activity[data-what=plan]"), "You saved a plan.");
                browser.menu("#/consents");
                WebElement research = browser.visible(By.cssSelector("li.consent[data-purpose=research-anonymised][data-status=refused]"));
                WebElement researchNotice = research.findElement(By.cssSelector("details.notice-text"));
                assertEquals("true", researchNotice.getAttribute("open"), "the notice is open before consenting");
                assertTrue(researchNotice.getText().contains("Fully anonymised statistics of your planning times"), researchNotice.getText());
                WebElement privacy = driver.findElement(By.cssSelector("li.consent[data-purpose=privacy-policy] details.notice-text"));
                assertFalse(privacy.getText().contains("We store only what you enter"), "a given consent's notice is folded");
                privacy.findElement(By.tagName("summary")).click();
                browser.waitForText(By.cssSelector("li.consent[data-purpose=privacy-policy] details.notice-text"), "We store only what you enter yourself.");
                browser.screenshot("consents");
                research.findElement(By.cssSelector("button[data-action=grant]")).click();
                browser.visible(By.cssSelector("li.consent[data-purpose=research-anonymised][data-status=granted]"));
                boolean granted = false;
                for (JsonNode consent : TestApp.json(lea.get("/api/me/consents")).get("consents")) {
                    granted |= consent.get("purpose").asText().equals("research-anonymised") && consent.get("status").asText().equals("granted");
                }
                assertTrue(granted, "the consent is recorded");

                // My data: every store with its count, the e-mail corrected, processing restricted and the restriction lifted.
                browser.menu("#/my-data");
                browser.waitForText(By.id("store-plans"), "3 entries");
                browser.waitForText(By.id("store-pictures"), "1 entry");
                browser.waitForText(By.id("store-messages"), "2 entries");
                JsonNode stores = TestApp.json(lea.get("/api/me/data")).get("stores");
                assertEquals(stores.size(), driver.findElements(By.cssSelector("li.store")).size(), "every store is listed");
                browser.waitForText(By.id("email-now"), "You have not given an e-mail address.");
                driver.findElement(By.id("email-edit")).click();
                browser.type(By.id("new-email"), "lea@example.org");
                driver.findElement(By.cssSelector("#email-form button[type=submit]")).click();
                browser.waitForText(By.id("email-now"), "lea@example.org");
                assertEquals("lea@example.org", TestApp.json(lea.get("/api/me")).get("email").asText());

                driver.findElement(By.id("restriction-open")).click();
                browser.type(By.id("restriction-reason"), "I want my e-mail checked");
                driver.findElement(By.cssSelector("#restriction-form button[type=submit]")).click();
                browser.visible(By.cssSelector("#restriction[data-restricted=true]"));
                assertTrue(TestApp.json(lea.get("/api/me/data")).get("restricted").asBoolean(), "processing is restricted");
                browser.waitForText(By.id("delete-final"), "cannot be undone");
                browser.waitForText(By.id("delete-list"), "Plans (3 entries)");
                browser.screenshot("my-data");
                driver.findElement(By.id("restriction-lift")).click();
                browser.visible(By.cssSelector("#restriction[data-restricted=false]"));
                assertFalse(TestApp.json(lea.get("/api/me/data")).get("restricted").asBoolean(), "the restriction is lifted");
            }
        }
    }

    private static void record(TestApp.Client client, String kind, LocalDate date, int minutes) {
        HttpResponse<String> response = client.post("/api/me/smoff-sessions", Map.of("kind", kind, "date", date.toString(), "minutes", minutes));
        assertEquals(201, response.statusCode(), response.body());
    }

    private static String isoWeek(LocalDate date) {
        return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** A small real picture (a planning sheet) in {@code format}, written with ImageIO to a temporary file. */
    static Path picture(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(11, 92, 173));
        g.fillRect(4, 4, width / 2, height / 3);
        g.dispose();
        Path file = Files.createTempFile("planning-sheet", "." + format);
        assertTrue(ImageIO.write(image, format, file.toFile()), "ImageIO writes " + format);
        return file;
    }

    /** Waits until a gallery picture of that width has really loaded from the API. */
    private static void loaded(ConsoleBrowser browser, JavascriptExecutor js, int width) {
        browser.wait.until(driver -> Boolean.TRUE.equals(js.executeScript("return [...document.querySelectorAll('li.picture img')]"
                + ".some(img => img.complete && img.naturalWidth === arguments[0]);", width)));
    }
}
