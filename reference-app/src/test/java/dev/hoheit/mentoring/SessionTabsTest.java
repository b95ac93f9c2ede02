package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

/** Every tab of a session can write; nothing else can (issue 14: "a second browser tab cannot save"). */
@Tag("browser") // drives a real Chromium: run by Failsafe in verify, after the unit tests
class SessionTabsTest {

    @DatabaseTest
    void a_second_tab_gets_the_sessions_csrf_token_and_can_write(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client first = app.client();
            first.register("tabby", "tabs-secret-123");
            assertEquals(200, first.signIn("tabby", "tabs-secret-123").statusCode());
            TestApp.Client second = first.anotherTab();

            HttpResponse<String> refused = second.patch("/api/me", Map.of("email", "tabby@example.org"));
            assertEquals(403, refused.statusCode(), "without the token the second tab is refused: " + refused.body());

            String token = TestApp.json(second.get("/api/me")).get("csrfToken").asText();
            assertEquals(first.csrf, token, "the session hands every tab the token of the sign-in");
            second.csrf = token;
            assertEquals(200, second.patch("/api/me", Map.of("email", "tabby@example.org")).statusCode());
            assertEquals("tabby@example.org", TestApp.json(first.get("/api/me")).get("email").asText());
        }
    }

    @DatabaseTest
    void a_token_works_only_for_its_own_session(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client alice = app.client();
            alice.register("alice-tabs", "tabs-secret-123");
            alice.signIn("alice-tabs", "tabs-secret-123");
            TestApp.Client aliceElsewhere = app.client();
            aliceElsewhere.signIn("alice-tabs", "tabs-secret-123");
            assertNotEquals(alice.csrf, aliceElsewhere.csrf, "each session has a token of its own");

            String aliceToken = alice.csrf;
            aliceElsewhere.csrf = aliceToken;
            assertEquals(403, aliceElsewhere.patch("/api/me", Map.of("email", "x@example.org")).statusCode(),
                    "another session's token is refused, even of the same person");

            TestApp.Client forger = alice.anotherTab();
            forger.csrf = "A".repeat(43);
            assertEquals(403, forger.patch("/api/me", Map.of("email", "x@example.org")).statusCode(), "a made-up token is refused");

            HttpResponse<String> me = alice.get("/api/me");
            assertTrue(me.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "no other origin may read the token");
            assertEquals("no-store", me.headers().firstValue("Cache-Control").orElseThrow(), "the token is never cached");

            assertEquals(204, alice.delete("/api/session").statusCode());
            TestApp.Client after = alice.anotherTab();
            after.csrf = aliceToken;
            assertEquals(401, after.patch("/api/me", Map.of("email", "x@example.org")).statusCode(), "signed out: the token is worth nothing");
            assertEquals(401, after.get("/api/me").statusCode());
        }
    }

    @DatabaseTest
    void in_the_browser_a_second_tab_saves_like_the_first(TestDatabase db) {
        try (TestApp app = new TestApp(db, Instant.now())) {
            app.client().register("tabitha", "tabs-secret-123");
            try (ConsoleBrowser browser = new ConsoleBrowser(app, db.kind() + "-tabs")) {
                browser.signIn("tabitha", "tabs-secret-123");
                String firstTab = browser.driver.getWindowHandle();
                browser.driver.switchTo().newWindow(WindowType.TAB);
                browser.open("#/my-data");
                browser.visible(By.id("email-edit")).click();
                browser.type(By.id("new-email"), "tabitha@example.org");
                browser.driver.findElement(By.cssSelector("#email-form button[type=submit]")).click();
                browser.waitForText(By.id("email-now"), "tabitha@example.org");
                browser.screenshot("second-tab-saved");
                assertTrue(!browser.text().contains("X-CSRF-Token"), browser.text());

                // The first tab keeps its own token, and it still works.
                browser.driver.switchTo().window(firstTab);
                browser.open("#/my-data");
                browser.visible(By.id("email-edit")).click();
                browser.type(By.id("new-email"), "tabitha@example.net");
                browser.driver.findElement(By.cssSelector("#email-form button[type=submit]")).click();
                browser.waitForText(By.id("email-now"), "tabitha@example.net");
            }
            assertEquals("tabitha@example.net", TestApp.json(signedIn(app).get("/api/me")).get("email").asText());
        }
    }

    private static TestApp.Client signedIn(TestApp app) {
        TestApp.Client client = app.client();
        client.signIn("tabitha", "tabs-secret-123");
        return client;
    }
}
