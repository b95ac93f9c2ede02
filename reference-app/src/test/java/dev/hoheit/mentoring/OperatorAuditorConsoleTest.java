package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoheit.audit.Checkpoint;
import dev.hoheit.audit.tlog.NoteVerifier;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator's and the auditor's console in headless Chromium. The operator creates an employer
 * and an auditor (and is told plainly when a password is too short or a nickname taken), finds a
 * mentee, gives mentor rights, assigns the mentor (pending until the mentee accepts), starts a
 * course, links and unlinks employees, and withdraws the mentor rights, which ends every grant.
 * Then the auditor reads the verification report (no findings), the retention runs and the
 * checkpoints, seals one (cosigned by a stub witness), downloads everything, and finally sees a
 * finding with its evidence.
 * Screenshots of every page go to {@code target/screenshots}.
 */
@Tag("browser") // drives a real Chromium: run by Failsafe in verify, after the unit tests
class OperatorAuditorConsoleTest {

    private static final String OPERATOR_PASSWORD = "operator-secret-1";

    @DatabaseTest
    void the_operator_administers_and_the_auditor_verifies(TestDatabase db) throws Exception {
        try (StubWitness witness = new StubWitness(); TestApp app = new TestApp(db, witness.settings())) {
            // Unlike BrowserTest, the clock stays where the app started it: the retention schedule was
            // recorded then, so moving the clock months on to today would rightly be reported as missed
            // scheduled runs. These pages have no date field that needs today. The last step moves it on purpose.
            TestApp.Client lena = app.client();
            lena.register("lena", "correct horse 33");
            lena.signIn("lena", "correct horse 33");
            app.client().register("jonas", "correct horse 34");
            TestApp.Client max = app.client();
            max.register("max", "correct horse 35");

            try (ConsoleBrowser browser = new ConsoleBrowser(app, db.kind() + "-operator")) {
                WebDriver driver = browser.driver;
                browser.signIn("operator", OPERATOR_PASSWORD);
                browser.wait.until(ExpectedConditions.urlContains("#/accounts"));
                browser.visible(By.cssSelector("li.op-account[data-nickname=operator]"));
                assertEquals("de", driver.findElement(By.tagName("html")).getAttribute("lang"), "German by default");
                for (String hash : List.of("#/accounts", "#/assignments", "#/courses", "#/employments", "#/verification",
                        "#/retention-runs", "#/checkpoints")) {
                    browser.visible(By.cssSelector("nav a[href='" + hash + "']"));
                }
                browser.screenshot("accounts");

                // A password that is too short: refused in plain words, nothing created.
                createAccount(browser, "firma-nord", "kurz", "employer");
                browser.waitForText(By.id("message"), "Ein Passwort hat mindestens 10");
                assertTrue(browser.text().contains("Dieses Passwort nehmen wir nicht an."), "the kind of problem in German");
                browser.screenshot("accounts-short-password");
                assertEquals(0, db.queryLong("SELECT count(*) FROM app_account WHERE nickname = 'firma-nord'"));

                createAccount(browser, "firma-nord", "correct horse 30", "employer");
                WebElement employer = browser.visible(By.cssSelector("li.op-account[data-nickname=firma-nord]"));
                assertEquals("employer", employer.getAttribute("data-roles"));
                browser.waitForText(By.id("message"), "Das Konto ist angelegt");
                createAccount(browser, "pruefer", "correct horse 31", "auditor");
                assertEquals("auditor", browser.visible(By.cssSelector("li.op-account[data-nickname=pruefer]")).getAttribute("data-roles"));
                createAccount(browser, "LENA", "correct horse 32", "employer");
                browser.waitForText(By.id("message"), "Dieser Spitzname ist vergeben");
                browser.screenshot("accounts-created");

                search(browser, "EN");
                browser.visible(By.cssSelector("li.op-account[data-nickname=lena]"));
                List<WebElement> found = driver.findElements(By.cssSelector("li.op-account"));
                assertEquals(List.of("lena"), found.stream().map(e -> e.getAttribute("data-nickname")).toList(), "a part of the nickname");
                assertTrue(found.get(0).getText().contains("Mentee"), found.get(0).getText());
                browser.screenshot("accounts-search");

                search(browser, "max");
                browser.visible(By.cssSelector("li.op-account[data-nickname=max] button[data-action=grant-mentor]")).click();
                browser.visible(By.cssSelector("li.op-account[data-nickname=max][data-roles~=mentor] button[data-action=withdraw-mentor]"));
                assertEquals(1, db.queryLong("SELECT count(*) FROM app_account WHERE nickname = 'max' AND roles LIKE '%mentor%'"),
                        "max is a mentor now");

                browser.menu("#/assignments");
                browser.type(By.id("op-mentee"), "lena");
                browser.type(By.id("op-mentor"), "max");
                driver.findElement(By.cssSelector("label[for=op-scope-smoff-time-mentor]")).click();
                driver.findElement(By.cssSelector("#op-assign button[type=submit]")).click();
                WebElement assignment = browser.visible(By.cssSelector("li.op-assignment[data-mentee=lena][data-mentor=max][data-status=pending]"));
                assertTrue(assignment.getText().contains("nur die Smoff-Time"), assignment.getText());
                assertTrue(assignment.getText().contains("wartet auf Zustimmung des Mentees"), assignment.getText());
                JsonNode pending = TestApp.json(lena.get("/api/me/mentors")).get("mentors").get(0);
                assertEquals("max", pending.get("nickname").asText());
                assertEquals("pending", pending.get("status").asText(), "the mentee sees it pending");
                assertEquals("assigned-by-operator", pending.get("origin").asText());
                assertEquals("smoff-time-mentor", pending.get("scope").asText());
                browser.screenshot("assignments");

                driver.findElement(By.id("lang")).sendKeys("English");
                browser.waitForText(By.tagName("h1"), "Assign mentors");
                assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
                browser.visible(By.cssSelector("li.op-assignment[data-status=pending]"));
                assertTrue(browser.text().contains("waiting for the mentee to accept"));
                browser.screenshot("assignments-english");

                browser.menu("#/courses");
                browser.visible(By.cssSelector("#op-courses li.empty"));
                browser.type(By.id("op-course-name"), "Grundkurs Planung");
                browser.type(By.id("op-course-members"), "lena, jonas");
                browser.type(By.id("op-course-mentor"), "max");
                driver.findElement(By.cssSelector("#op-new-course button[type=submit]")).click();
                WebElement course = browser.visible(By.cssSelector("li.op-course[data-name='Grundkurs Planung']"));
                assertTrue(course.getText().contains("Members: jonas, lena"), course.getText());
                assertTrue(course.getText().contains("Mentor: max (Smoff-Time, plans and pictures)"), course.getText());
                assertEquals("Grundkurs Planung", TestApp.json(lena.get("/api/me/employer-view")).get("courses").get(0).asText());
                browser.screenshot("courses");

                browser.menu("#/employments");
                link(browser, "lena", "firma-nord");
                browser.visible(By.cssSelector("li.op-employment[data-employee=lena][data-employer=firma-nord]"));
                link(browser, "jonas", "firma-nord");
                browser.visible(By.cssSelector("li.op-employment[data-employee=jonas][data-employer=firma-nord] button[data-action=unlink]")).click();
                browser.gone(By.cssSelector("li.op-employment[data-employee=jonas]"));
                browser.waitForText(By.id("message"), "the employer sees nothing any more");
                TestApp.Client firma = app.client();
                firma.signIn("firma-nord", "correct horse 30");
                assertEquals(List.of("lena"), TestApp.json(firma.get("/api/employer/employees")).get("employees").findValuesAsText("nickname"));
                browser.screenshot("employments");

                browser.menu("#/accounts");
                search(browser, "max");
                WebElement mentor = browser.visible(By.cssSelector("li.op-account[data-nickname=max]"));
                mentor.findElement(By.cssSelector("button[data-action=withdraw-mentor]")).click();
                assertTrue(mentor.getText().contains("Every grant to this mentor ends at once"), "said plainly first: " + mentor.getText());
                browser.screenshot("withdraw-confirm");
                mentor.findElement(By.cssSelector("button[data-action=confirm-withdraw]")).click();
                browser.visible(By.cssSelector("li.op-account[data-nickname=max][data-roles=mentee] button[data-action=grant-mentor]"));
                browser.waitForText(By.id("message"), "Every grant to this mentor has ended");
                assertEquals(0, db.queryLong("SELECT count(*) FROM app_account WHERE nickname = 'max' AND roles LIKE '%mentor%'"));
                JsonNode ended = TestApp.json(lena.get("/api/me/mentors")).get("mentors");
                assertEquals(2, ended.size(), "the assignment and the course's");
                ended.forEach(grant -> assertEquals("revoked", grant.get("status").asText(), "the grant ends: " + grant));

                driver.manage().window().setSize(new Dimension(390, 844));
                browser.visible(By.id("op-q"));
                browser.screenshot("accounts-phone");
                driver.manage().window().setSize(new Dimension(1000, 1300));

                // The operator starts a retention run by hand; it is listed like the scheduled ones.
                browser.menu("#/retention-runs");
                browser.visible(By.id("audit-run-now")).click();
                browser.visible(By.cssSelector("li.audit-run[data-trigger=MANUAL][data-outcome=SUCCEEDED]"));
                browser.screenshot("retention-run-now");
                browser.signOut();

                browser.signIn("pruefer", "correct horse 31");
                browser.wait.until(ExpectedConditions.urlContains("#/verification"));
                assertTrue(driver.findElements(By.cssSelector("nav a[href='#/accounts']")).isEmpty(), "the auditor has no operator pages");
                WebElement result = browser.visible(By.id("audit-result"));
                assertEquals("true", result.getAttribute("data-ok"));
                assertTrue(result.getText().contains("No findings"), result.getText());
                browser.visible(By.id("audit-no-findings"));
                assertTrue(driver.findElements(By.cssSelector("#audit-checks li")).size() >= 4, "every check is listed");
                browser.screenshot("verification");

                TestApp.Client auditor = app.client();
                auditor.signIn("pruefer", "correct horse 31");
                HttpResponse<String> html = auditor.get(href(driver, "audit-download-html"));
                assertEquals(200, html.statusCode());
                assertTrue(html.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
                assertTrue(html.body().contains("no findings"));
                HttpResponse<String> json = auditor.get(href(driver, "audit-download-json"));
                assertEquals(200, json.statusCode());
                assertTrue(json.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
                assertTrue(TestApp.json(json).get("ok").asBoolean());
                assertEquals(403, lena.get(href(driver, "audit-download-json")).statusCode(), "a mentee gets no report");

                JsonNode run = finishedScheduledRun(auditor);
                browser.menu("#/retention-runs");
                WebElement shown = browser.visible(By.id("audit-run-" + run.get("runId").asText()));
                assertEquals("SCHEDULED", shown.getAttribute("data-trigger"));
                assertEquals("SUCCEEDED", shown.getAttribute("data-outcome"));
                assertEquals(run.get("steps").size(), shown.findElements(By.cssSelector("tr.audit-step")).size(), "a row per store and rule");
                assertTrue(shown.getText().contains("scheduled"), shown.getText());
                browser.screenshot("retention-runs");

                browser.menu("#/checkpoints");
                browser.visible(By.id("audit-no-checkpoints"));
                browser.screenshot("checkpoints-none");
                driver.findElement(By.id("audit-seal")).click();
                WebElement checkpoint = browser.visible(By.cssSelector("tr.audit-checkpoint[data-valid=true]"));
                assertTrue(checkpoint.getText().contains("valid"), checkpoint.getText());
                assertEquals("1", checkpoint.getAttribute("data-cosigners"), "the witness, not the log's own signature");
                WebElement cosigner = checkpoint.findElement(By.cssSelector("li.audit-cosigner"));
                assertEquals(StubWitness.NAME, cosigner.getAttribute("data-name"));
                assertFalse(cosigner.findElements(By.tagName("time")).isEmpty(), "with the time it cosigned: " + cosigner.getText());
                browser.waitForText(By.id("message"), "Checkpoint sealed");
                browser.screenshot("checkpoints");
                HttpResponse<String> lines = auditor.get(href(driver, "audit-download-jsonl"));
                assertEquals(200, lines.statusCode());
                assertTrue(lines.headers().firstValue("Content-Type").orElseThrow().startsWith("application/x-ndjson"));
                assertEquals(1, lines.body().lines().count());
                Checkpoint parsed = Checkpoint.fromJson(lines.body().strip());
                assertTrue(parsed.signedBy(List.of(NoteVerifier.parse(app.app.audit().verifierKey()))),
                        "the file the command-line verifier reads");
                assertEquals(checkpoint.getAttribute("data-size"), Long.toString(parsed.size()));
                assertEquals(List.of(StubWitness.NAME), List.copyOf(parsed.cosignedBy(List.of(witness.verifier())).keySet()));
                HttpResponse<String> vkey = auditor.get(href(driver, "audit-download-vkey"));
                assertEquals(200, vkey.statusCode());
                assertEquals(app.app.audit().verifierKey(), vkey.body().strip(), "the note verifier key for --log-key");
                assertTrue(driver.findElement(By.id("audit-tiles")).getText().contains("/log/checkpoint"));
                assertTrue(driver.findElement(By.id("audit-cli")).getText().contains("--origin " + app.app.audit().origin()));
                HttpResponse<String> key = auditor.get(href(driver, "audit-download-key"));
                assertEquals(200, key.statusCode());
                assertTrue(key.headers().firstValue("Content-Type").orElseThrow().startsWith("application/x-pem-file"));
                assertTrue(key.body().startsWith("-----BEGIN PUBLIC KEY-----"));

                // Three hours without the hourly retention run: the report says so, with its evidence.
                app.clock.advance(Duration.ofHours(3));
                browser.signOut(); // the session has timed out meanwhile; signing out still shows the sign-in page
                browser.signIn("pruefer", "correct horse 31");
                WebElement finding = browser.visible(By.cssSelector("li.audit-finding[data-kind=RUN_MISSED]"));
                assertEquals("false", driver.findElement(By.id("audit-result")).getAttribute("data-ok"));
                assertTrue(driver.findElement(By.id("audit-result")).getText().contains("1 finding"));
                assertTrue(finding.getText().contains("Scheduled run missed"), finding.getText());
                assertTrue(finding.getText().contains("scheduled retention runs did not happen"), finding.getText());
                assertEquals("Scheduled interval", finding.findElement(By.cssSelector("dt[data-key=interval]")).getText());
                assertTrue(finding.getText().contains("1 hour"), "the evidence, readable: " + finding.getText());
                assertFalse(finding.getText().contains("PT1H"), "no ISO duration on the page: " + finding.getText());
                assertEquals("PT1H", finding.findElement(By.cssSelector("dd span.duration")).getAttribute("title"), "the exact value on hover");
                assertFalse(finding.findElements(By.cssSelector("dt[data-key=firstGapAfter] + dd time")).isEmpty(), "times are times");
                browser.screenshot("verification-finding");
            }
        }
    }

    private static void createAccount(ConsoleBrowser browser, String nickname, String password, String role) {
        browser.type(By.id("op-new-nickname"), nickname);
        browser.type(By.id("op-new-password"), password);
        new Select(browser.driver.findElement(By.id("op-new-role"))).selectByValue(role);
        browser.driver.findElement(By.cssSelector("#op-new-account button[type=submit]")).click();
    }

    private static void search(ConsoleBrowser browser, String query) {
        browser.type(By.id("op-q"), query);
        new Select(browser.driver.findElement(By.id("op-role"))).selectByValue("");
        List<WebElement> before = browser.driver.findElements(By.cssSelector("#op-accounts > li"));
        browser.driver.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
        if (!before.isEmpty()) {
            // The list shown before (which may hold the account sought) is replaced by the search's answer:
            // an element found in it now would go stale.
            browser.wait.until(ExpectedConditions.stalenessOf(before.get(0)));
        }
        String part = query.toLowerCase(Locale.ROOT);
        browser.wait.until(driver -> {
            try {
                return driver.findElements(By.cssSelector("li.op-account")).stream()
                        .allMatch(item -> item.getAttribute("data-nickname").toLowerCase(Locale.ROOT).contains(part));
            } catch (StaleElementReferenceException e) {
                return false; // the list was being replaced: look again
            }
        });
    }

    private static void link(ConsoleBrowser browser, String employee, String employer) {
        browser.type(By.id("op-employee"), employee);
        browser.type(By.id("op-employer"), employer);
        browser.driver.findElement(By.cssSelector("#op-link button[type=submit]")).click();
    }

    /** The path of a download link on the page. */
    private static String href(WebDriver driver, String id) {
        String href = driver.findElement(By.id(id)).getAttribute("href");
        return href.substring(href.indexOf("/api/"));
    }

    private static JsonNode finishedScheduledRun(TestApp.Client auditor) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            // The scheduler's run at start (the operator also started one by hand, at the same test-clock instant).
            for (JsonNode run : TestApp.json(auditor.get("/api/auditor/retention-runs")).get("runs")) {
                if ("SCHEDULED".equals(run.get("trigger").asText()) && !"RUNNING".equals(run.get("outcome").asText())) {
                    return run;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no retention run finished");
    }
}
