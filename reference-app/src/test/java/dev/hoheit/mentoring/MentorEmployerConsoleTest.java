package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The mentor's and the employer's console in headless Chromium: a mentor sees two mentees, each
 * with only what the grant allows (everything for one, Smoff-Time only for the other, whose plans
 * and pictures are not even requested), the mentees see those views in their access log, and a
 * revocation empties the mentor's page at once. An employer sees a linked employee's assessment
 * in plain words, and a clear refusal for anybody else. Screenshots of every page go to
 * {@code target/screenshots}.
 */
@Tag("browser") // drives a real Chromium: run by Failsafe in verify, after the unit tests
class MentorEmployerConsoleTest {

    private static final String MENTOR_PASSWORD = "correct horse 31";
    private static final String EMPLOYER_PASSWORD = "correct horse 32";

    /** A real PNG: a planning sheet drawn in a few colours. */
    static byte[] planningSheet() throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        var g = image.getGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 160, 120);
        g.setColor(new Color(11, 92, 173));
        for (int line = 20; line < 120; line += 20) {
            g.fillRect(10, line, 140, 3);
        }
        g.setColor(Color.ORANGE);
        g.fillRect(10, 8, 60, 8);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    /** Registers and signs in a mentee with Smoff-Time today, a day and a week plan, and a picture. */
    private static TestApp.Client mentee(TestApp app, String nickname, String password, String note) throws IOException {
        TestApp.Client mentee = app.client();
        assertEquals(201, mentee.register(nickname, password).statusCode());
        assertEquals(200, mentee.signIn(nickname, password).statusCode());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // Both sessions on the account's first day: the assessment starts at the account's creation.
        assertEquals(201, mentee.post("/api/me/smoff-sessions", Map.of("kind", "day", "date", today.toString(), "minutes", 8, "note", note)).statusCode());
        assertEquals(201, mentee.post("/api/me/smoff-sessions", Map.of("kind", "week", "date", today.toString(), "minutes", 20)).statusCode());
        assertEquals(200, mentee.put("/api/me/plans/day/" + today, Map.of("text", "Plan von " + nickname + ": Steuer\nSport")).statusCode());
        assertEquals(200, mentee.put("/api/me/plans/week/2026-W10", Map.of("text", "Woche von " + nickname)).statusCode());
        HttpResponse<String> picture = mentee.upload("/api/me/pictures", "image/png", planningSheet());
        assertEquals(201, picture.statusCode(), picture.body());
        return mentee;
    }

    private static String id(TestApp.Client client) {
        return TestApp.json(client.get("/api/me")).get("id").asText();
    }

    /** What the person's "who viewed my data" lists: (who, what, outcome) of every view. */
    private static Set<String> views(TestApp app, TestApp.Client person) {
        app.app.flushAudit();
        Set<String> views = new HashSet<>();
        for (JsonNode view : TestApp.json(person.get("/api/me/access-log")).get("views")) {
            views.add(view.get("who").asText() + " " + view.get("what").asText() + " " + view.get("outcome").asText());
        }
        return views;
    }

    @DatabaseTest
    void a_mentor_sees_what_each_grant_allows_and_an_employer_sees_the_assessment_only(TestDatabase db) throws IOException {
        try (TestApp app = new TestApp(db, java.time.Instant.now())) { // the chart and the assessment use the real today
            TestApp.Client operator = app.client();
            operator.signIn("operator", "operator-secret-1");
            assertEquals(201, operator.post("/api/operator/accounts", Map.of("nickname", "mira", "password", MENTOR_PASSWORD, "role", "mentor")).statusCode());
            assertEquals(201, operator.post("/api/operator/accounts", Map.of("nickname", "firma", "password", EMPLOYER_PASSWORD, "role", "employer")).statusCode());

            TestApp.Client zoe = mentee(app, "zoe", "correct horse 33", "Tagesplan von zoe");
            String zoeId = id(zoe);
            assertEquals(201, operator.post("/api/operator/assignments", Map.of("mentee", "zoe", "mentor", "mira", "scope", "mentor")).statusCode());
            String zoeGrant = TestApp.json(zoe.get("/api/me/mentors")).get("mentors").get(0).get("id").asText();
            assertEquals(200, zoe.post("/api/me/mentors/" + zoeGrant + "/accept", Map.of()).statusCode());

            TestApp.Client ben = mentee(app, "ben", "correct horse 34", "Tagesplan von ben");
            String benId = id(ben);
            assertEquals(201, ben.post("/api/me/mentors", Map.of("mentor", "mira", "scope", "smoff-time-mentor")).statusCode());

            assertEquals(201, operator.post("/api/operator/employments", Map.of("employee", "zoe", "employer", "firma")).statusCode());

            try (ConsoleBrowser browser = new ConsoleBrowser(app, db.kind() + "-mentor-employer")) {
                WebDriver driver = browser.driver;
                browser.signIn("mira", MENTOR_PASSWORD);
                browser.menu("#/mentees");
                WebElement zoeItem = browser.visible(By.cssSelector("li.mentee[data-person='" + zoeId + "']"));
                WebElement benItem = browser.visible(By.cssSelector("li.mentee[data-person='" + benId + "']"));
                assertEquals(2, driver.findElements(By.cssSelector("li.mentee")).size());
                assertTrue(zoeItem.getText().contains("Smoff-Time, Pläne und Bilder"), "the scope in plain words: " + zoeItem.getText());
                assertTrue(zoeItem.getText().contains("aktiv seit"), zoeItem.getText());
                assertTrue(zoeItem.getText().contains("vom Betreiber zugewiesen"), zoeItem.getText());
                assertTrue(benItem.getText().contains("nur die Smoff-Time"), benItem.getText());
                assertTrue(benItem.getText().contains("auf Einladung des Mentees"), benItem.getText());
                assertTrue(browser.text().contains("Wer hat meine Daten gesehen"), "the mentor is told the mentee sees every view");
                browser.screenshot("mentees");

                // Everything for zoe: Smoff-Time, plans and a picture that loads.
                zoeItem.findElement(By.cssSelector("a.mentee-name")).click();
                browser.waitForText(By.cssSelector("#mentee-smoff-time table"), "Tagesplan von zoe");
                assertEquals(14, driver.findElements(By.cssSelector("#mentee-smoff-time svg.chart rect.bar")).size());
                browser.waitForText(By.id("mentee-plans"), "Plan von zoe");
                assertEquals(2, driver.findElements(By.cssSelector("#mentee-plans li.plan")).size());
                WebElement image = browser.visible(By.cssSelector("#mentee-pictures img"));
                assertEquals(160L, browser.loaded(image));
                assertTrue(image.getAttribute("alt").contains("zoe"), "the picture has alt text: " + image.getAttribute("alt"));
                assertTrue(driver.findElements(By.id("mentee-not-shared")).isEmpty(), "everything is shared");
                assertTrue(browser.text().contains("Der Mentee sieht jeden Ihrer Aufrufe"));
                browser.screenshot("mentee-everything");
                driver.manage().window().setSize(new Dimension(390, 844)); // a phone
                ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", image);
                browser.screenshot("mentee-pictures-phone");
                driver.manage().window().setSize(new Dimension(1000, 1300));

                // Smoff-Time only for ben, in English: no plans or pictures, and they are not even asked for.
                browser.menu("#/mentees");
                driver.findElement(By.id("lang")).sendKeys("English");
                browser.waitForText(By.tagName("h1"), "My mentees");
                browser.waitForText(By.cssSelector("li.mentee[data-person='" + benId + "']"), "the Smoff-Time only");
                browser.screenshot("mentees-english");
                browser.visible(By.cssSelector("li.mentee[data-person='" + benId + "'] a.mentee-name")).click();
                browser.waitForText(By.cssSelector("#mentee-smoff-time table"), "Tagesplan von ben");
                browser.waitForText(By.id("mentee-not-shared"), "plans, pictures");
                assertTrue(driver.findElements(By.id("mentee-plans")).isEmpty(), "no plans section");
                assertTrue(driver.findElements(By.id("mentee-pictures")).isEmpty(), "no pictures section");
                assertTrue(driver.findElements(By.tagName("img")).isEmpty(), "no picture at all");
                assertTrue(browser.text().contains("The mentee sees every view"), browser.text());
                browser.screenshot("mentee-smoff-time-only");

                // R6: each mentee sees the mentor's views, and ben's show only what ben granted.
                Set<String> zoeViews = views(app, zoe);
                assertTrue(zoeViews.containsAll(List.of("mira smoff-sessions allowed", "mira plans allowed", "mira pictures allowed",
                        "mira picture allowed")), "zoe sees every view: " + zoeViews);
                assertEquals(Set.of("mira smoff-sessions allowed"), views(app, ben), "nothing beyond ben's grant was requested");

                // zoe revokes while the mentor has her page open: reloading shows a clear message and no data.
                browser.menu("#/mentees");
                browser.visible(By.cssSelector("li.mentee[data-person='" + zoeId + "'] a.mentee-name")).click();
                browser.visible(By.cssSelector("#mentee-pictures img"));
                assertEquals(200, zoe.delete("/api/me/mentors/" + zoeGrant).statusCode());
                browser.visible(By.id("mentee-reload")).click();
                browser.waitForText(By.id("mentee-no-access"), "no longer");
                assertTrue(driver.findElements(By.cssSelector("[data-part]")).isEmpty(), "no data is left on the page");
                assertTrue(driver.findElements(By.id("mentee-grant")).isEmpty(), "nor the grant that no longer holds");
                assertTrue(driver.findElements(By.tagName("img")).isEmpty(), "no picture is left on the page");
                assertTrue(driver.findElements(By.tagName("table")).isEmpty(), "no Smoff-Time is left on the page");
                browser.waitForText(By.id("message"), "You are not allowed to do this");
                browser.screenshot("mentee-revoked");
                assertTrue(views(app, zoe).contains("mira smoff-sessions denied"), "the refused attempt is in zoe's log too");

                // Opened afresh, the page does not ask at all: zoe is no longer a mentee.
                browser.menu("#/mentees");
                browser.gone(By.cssSelector("li.mentee[data-person='" + zoeId + "']"));
                browser.open("#/mentees/" + zoeId);
                browser.waitForText(By.id("mentee-no-access"), "No data is shown");
                assertTrue(driver.findElements(By.cssSelector("[data-part]")).isEmpty());
                browser.screenshot("mentee-no-longer");

                // The employer, in German again: zoe's assessment in plain words, and nobody else's.
                browser.signOut();
                driver.findElement(By.id("lang")).sendKeys("Deutsch");
                browser.signIn("firma", EMPLOYER_PASSWORD);
                browser.menu("#/employees");
                WebElement employee = browser.visible(By.cssSelector("li.employee[data-person='" + zoeId + "']"));
                assertEquals(1, driver.findElements(By.cssSelector("li.employee")).size());
                browser.screenshot("employees");
                employee.findElement(By.tagName("a")).click();
                browser.waitForText(By.id("assessment-daily"), "der Tage im Zeitraum gibt es eine Tagesplanung");
                browser.waitForText(By.id("assessment-weekly"), "im Schnitt 20 Minuten");
                browser.waitForText(By.id("assessment-quarterlyAndYearly"), "keine Planung erfasst");
                browser.waitForText(By.id("assessment-seen"), "zoe sieht genau diese Bewertung");
                browser.waitForText(By.id("assessment-notice"), "keine automatisierte Entscheidung");
                String page = browser.text();
                assertFalse(page.contains("Tagesplan von zoe") || page.contains("Plan von zoe"), "no entry, note or plan: " + page);
                assertTrue(driver.findElements(By.tagName("table")).isEmpty() && driver.findElements(By.tagName("img")).isEmpty());
                browser.screenshot("assessment");
                assertTrue(views(app, zoe).contains("firma assessment allowed"), "zoe sees the employer's view");

                browser.open("#/employees/" + benId);
                browser.waitForText(By.id("employee-no-access"), "nicht als Mitarbeitende zugeordnet");
                assertTrue(driver.findElements(By.id("assessment")).isEmpty(), "no assessment for an unlinked person");
                browser.screenshot("employee-unlinked");
            }
        }
    }
}
