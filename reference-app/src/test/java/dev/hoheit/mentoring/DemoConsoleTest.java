package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseKind;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.SkipDatabase;
import dev.hoheit.testkit.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;

/** The demo in the browser: each role signs in straight onto its main page, with something on it (issue 14, setup). */
@Tag("browser") // drives a real Chromium: run by Failsafe in verify, after the unit tests
class DemoConsoleTest {

    @DatabaseTest
    @SkipDatabase(value = DatabaseKind.MARIADB, reason = "the demo's pages do not depend on the database; OrganisationTest checks"
            + " the seeded data on every database, this browser walk runs on H2 and PostgreSQL")
    void every_demo_role_lands_on_its_main_page_without_a_terms_wall(TestDatabase db) {
        try (TestApp app = new TestApp(db, Instant.now(), "--demo")) {
            try (ConsoleBrowser browser = new ConsoleBrowser(app, db.kind() + "-demo")) {
                for (List<String> role : List.of(List.of("demo-mentee", "#/smoff-time", "chart"), List.of("demo-mentor", "#/mentees", "main"),
                        List.of("demo-employer", "#/employees", "main"), List.of("demo-auditor", "#/verification", "main"),
                        List.of("demo-supervisor", "#/supervision", "main"),
                        List.of("operator", "#/accounts", "main"))) {
                    if (role.get(0).equals("operator")) {
                        browser.signIn("operator", "operator-secret-1"); // a real person: decides her terms herself
                    } else {
                        browser.signInAndWait(role.get(0), DemoData.PASSWORD);
                        assertTrue(browser.driver.findElements(By.id("terms-form")).isEmpty(), role.get(0) + " meets no terms page");
                    }
                    String hash = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("return location.hash");
                    assertEquals(role.get(1), hash, role.get(0) + "'s first page");
                    browser.visible(By.id(role.get(2)));
                    browser.screenshot(role.get(0) + "-home");
                    if (role.get(0).equals("demo-mentee")) {
                        browser.open("#/access-log");
                        browser.settled();
                        assertTrue(browser.text().contains("demo-mentor"), "her access log shows the mentor's views: " + browser.text());
                        browser.screenshot("mentee-access-log");
                        browser.open("#/pictures");
                        browser.count(By.cssSelector("ul.gallery img"), 2);
                        browser.open("#/messages");
                        browser.waitForText(By.id("main"), "Wochenrückblick");
                    }
                    browser.signOut();
                }
            }
        }
    }
}
