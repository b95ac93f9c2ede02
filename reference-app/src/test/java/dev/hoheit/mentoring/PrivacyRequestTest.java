package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Privacy requests over real HTTP: a person objects (Art. 21), the operator sees the Art. 12(3)
 * deadline, extends it once, answers; every step is in the person's log; nobody else reads them.
 */
@Tag("browser") // drives a real Chromium: run by Failsafe in verify, after the unit tests
class PrivacyRequestTest {

    private static final String OBJECTION = "Ich widerspreche der Auswertung meiner Smoff-Time für Statistiken.";

    @DatabaseTest
    void a_request_runs_its_deadline_is_extended_once_and_answered_every_step_in_her_log(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client rita = app.client();
            rita.register("rita", "correct horse 50");
            rita.signIn("rita", "correct horse 50");
            HttpResponse<String> filed = rita.post("/api/me/privacy-requests", Map.of("kind", "objection", "text", OBJECTION));
            assertEquals(201, filed.statusCode(), filed.body());
            JsonNode request = TestApp.json(filed);
            String id = request.get("id").asText();
            assertEquals("open", request.get("status").asText());
            assertEquals("2026-04-02T08:00:00Z", request.get("dueAt").asText(), "one month from receipt (Art. 12(3))");
            assertEquals(31, request.get("daysLeft").asInt());
            byte[] stored = (byte[]) db.rows("SELECT text_enc FROM app_privacy_request").get(0).get("text_enc");
            assertFalse(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1).contains("widerspreche"), "the text is stored encrypted");

            TestApp.Client operator = app.client();
            operator.signIn("operator", "operator-secret-1");
            JsonNode queue = TestApp.json(operator.get("/api/operator/privacy-requests?status=open"));
            assertEquals(1, queue.get("requests").size());
            JsonNode queued = queue.get("requests").get(0);
            assertEquals("rita", queued.get("nickname").asText());
            assertFalse(queued.has("text"), "the queue shows no texts; opening one is a logged view");

            app.clock.advance(Duration.ofDays(20));
            operator.signIn("operator", "operator-secret-1"); // a session ends after hours; the deadline runs for weeks
            rita.signIn("rita", "correct horse 50");
            HttpResponse<String> openedResponse = operator.get("/api/operator/privacy-requests/" + id);
            assertEquals(200, openedResponse.statusCode(), openedResponse.body());
            JsonNode opened = TestApp.json(openedResponse);
            assertEquals(OBJECTION, opened.get("text").asText());
            assertEquals(11, opened.get("daysLeft").asInt(), "the clock runs for both sides");
            HttpResponse<String> extended = operator.post("/api/operator/privacy-requests/" + id + "/extension",
                    Map.of("reason", "Wir prüfen die Statistik mit dem Datenschutzbeauftragten."));
            assertEquals(200, extended.statusCode(), extended.body());
            assertEquals("2026-06-02T08:00:00Z", TestApp.json(extended).get("dueAt").asText(), "two further months, once");
            assertEquals(409, operator.post("/api/operator/privacy-requests/" + id + "/extension", Map.of("reason", "noch mehr Zeit"))
                    .statusCode(), "Art. 12(3) allows one extension");

            JsonNode mine = TestApp.json(rita.get("/api/me/privacy-requests")).get("requests").get(0);
            assertEquals("Wir prüfen die Statistik mit dem Datenschutzbeauftragten.", mine.get("extensionReason").asText(), "she is told why");
            assertEquals("open", mine.get("status").asText());

            HttpResponse<String> answered = operator.post("/api/operator/privacy-requests/" + id + "/answer",
                    Map.of("text", "Ihre Smoff-Time fließt nicht mehr in Statistiken ein."));
            assertEquals(200, answered.statusCode(), answered.body());
            assertEquals(409, operator.post("/api/operator/privacy-requests/" + id + "/answer", Map.of("text", "noch einmal")).statusCode());
            mine = TestApp.json(rita.get("/api/me/privacy-requests")).get("requests").get(0);
            assertEquals("answered", mine.get("status").asText());
            assertEquals("Ihre Smoff-Time fließt nicht mehr in Statistiken ein.", mine.get("answer").asText());
            assertNull(mine.get("daysLeft").textValue());
            assertEquals(0, TestApp.json(operator.get("/api/operator/privacy-requests?status=open")).get("requests").size());

            app.app.flushAudit();
            JsonNode views = TestApp.json(rita.get("/api/me/access-log")).get("views");
            assertTrue(views.findValuesAsText("what").contains("privacy-request") && views.findValuesAsText("who").contains("operator"),
                    "the operator's reading is in her log: " + views);
            String auditTrail = db.rows("SELECT action, resource_type FROM audit_entry WHERE resource_type = 'privacy-request' ORDER BY seq")
                    .stream().map(row -> row.get("action").toString()).toList().toString();
            assertEquals("[CREATE, VIEW, UPDATE, UPDATE]", auditTrail, "request, opened, extended, answered");
        }
    }

    @DatabaseTest
    void an_overdue_request_shows_as_overdue_and_can_no_longer_be_extended(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client rita = app.client();
            rita.register("rita", "correct horse 50");
            rita.signIn("rita", "correct horse 50");
            String id = TestApp.json(rita.post("/api/me/privacy-requests", Map.of("kind", "question", "text", "Wer sieht meine Pläne?")))
                    .get("id").asText();
            app.clock.advance(Duration.ofDays(32));
            rita.signIn("rita", "correct horse 50"); // her session of a month ago has ended
            TestApp.Client operator = app.client();
            operator.signIn("operator", "operator-secret-1");
            HttpResponse<String> queue = operator.get("/api/operator/privacy-requests");
            assertEquals(200, queue.statusCode(), queue.body());
            assertEquals("overdue", TestApp.json(queue).get("requests").get(0).get("status").asText());
            assertEquals("overdue", TestApp.json(rita.get("/api/me/privacy-requests")).get("requests").get(0).get("status").asText());
            HttpResponse<String> late = operator.post("/api/operator/privacy-requests/" + id + "/extension", Map.of("reason", "zu spät"));
            assertEquals(409, late.statusCode());
            assertTrue(late.body().contains("within"), late.body());
            assertEquals(200, operator.post("/api/operator/privacy-requests/" + id + "/answer", Map.of("text", "Nur Ihre Mentoren mit Freigabe."))
                    .statusCode(), "a late answer is still an answer");
        }
    }

    @DatabaseTest
    void bad_input_and_other_people_get_clear_refusals_and_nothing_is_stored(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client rita = app.client();
            rita.register("rita", "correct horse 50");
            rita.signIn("rita", "correct horse 50");
            assertEquals(400, rita.post("/api/me/privacy-requests", Map.of("kind", "wish", "text", "x")).statusCode());
            assertEquals(422, rita.post("/api/me/privacy-requests", Map.of("kind", "question", "text", "  ")).statusCode());
            assertEquals(422, rita.post("/api/me/privacy-requests", Map.of("kind", "question", "text", "x".repeat(5001))).statusCode());
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_privacy_request"));
            String id = TestApp.json(rita.post("/api/me/privacy-requests", Map.of("kind", "complaint", "text", "Mein Mentor antwortet nicht.")))
                    .get("id").asText();

            TestApp.Client other = app.client();
            other.register("otto", "correct horse 52");
            other.signIn("otto", "correct horse 52");
            assertEquals(0, TestApp.json(other.get("/api/me/privacy-requests")).get("requests").size(), "only her own");
            assertEquals(403, other.get("/api/operator/privacy-requests/" + id).statusCode());
            assertEquals(403, other.post("/api/operator/privacy-requests/" + id + "/answer", Map.of("text", "gefälscht")).statusCode());

            TestApp.Client operator = app.client();
            operator.signIn("operator", "operator-secret-1");
            for (String odd : List.of("x".repeat(300), "00000000-0000-0000-0000-000000000000", "%27%20OR%201=1")) {
                assertEquals(404, operator.get("/api/operator/privacy-requests/" + odd).statusCode(), odd);
            }
            assertEquals(400, operator.get("/api/operator/privacy-requests?status=closed").statusCode());
            assertEquals(422, operator.post("/api/operator/privacy-requests/" + id + "/answer", Map.of("text", "")).statusCode());
            assertEquals("open", TestApp.json(rita.get("/api/me/privacy-requests")).get("requests").get(0).get("status").asText(),
                    "no refused call changed the request");
        }
    }

    @DatabaseTest
    void requests_are_in_her_export_and_go_with_her_account(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client rita = app.client();
            rita.register("rita", "correct horse 50");
            rita.signIn("rita", "correct horse 50");
            rita.post("/api/me/privacy-requests", Map.of("kind", "question", "text", "Wie lange speichern Sie meine Daten?"));
            JsonNode stores = TestApp.json(rita.get("/api/me/data")).get("stores");
            JsonNode store = null;
            for (JsonNode s : stores) {
                if (s.get("store").asText().equals("privacy-requests")) {
                    store = s;
                }
            }
            assertEquals(1, store.get("records").asLong(), stores.toString());
            assertEquals(200, rita.delete("/api/me", Map.of("password", "correct horse 50")).statusCode());
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_privacy_request"), "erased with her account");
        }
    }

    @DatabaseTest
    void the_person_and_the_operator_use_the_console_pages(TestDatabase db) {
        try (TestApp app = new TestApp(db, Instant.now())) {
            TestApp.Client rita = app.client();
            rita.register("rita", "correct horse 50");
            rita.signIn("rita", "correct horse 50");
            try (ConsoleBrowser browser = new ConsoleBrowser(app, db.kind() + "-privacy-requests")) {
                browser.signIn("rita", "correct horse 50");
                browser.menu("#/my-data");
                assertTrue(browser.text().contains("Anfragen zum Datenschutz"), "the rights card points to the channel");
                browser.menu("#/privacy-requests");
                browser.visible(By.id("pr-none"));
                new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("pr-kind"))).selectByValue("objection");
                browser.type(By.id("pr-text"), OBJECTION);
                browser.driver.findElement(By.cssSelector("#pr-form button[type=submit]")).click();
                browser.visible(By.cssSelector("li.privacy-request[data-status=open]"));
                JsonNode filedJson = TestApp.json(rita.get("/api/me/privacy-requests")).get("requests").get(0);
                assertTrue(filedJson.get("daysLeft").asInt() >= 28 && filedJson.get("daysLeft").asInt() <= 32, filedJson.toString());
                browser.waitForText(By.id("pr-list"), "noch " + filedJson.get("daysLeft").asInt() + " Tage"); // the deadline clock
                assertTrue(browser.driver.findElement(By.id("pr-list")).getText().contains("Widerspruch (Art. 21 DSGVO)"));
                browser.screenshot("person-filed");
                browser.signOut();

                browser.signIn("operator", "operator-secret-1");
                browser.menu("#/operator-privacy-requests");
                browser.visible(By.cssSelector("#pr-queue li.privacy-request[data-nickname=rita] button[data-action=open]")).click();
                browser.waitForText(By.id("pr-detail"), OBJECTION);
                browser.screenshot("operator-opened");
                WebElement answer = browser.visible(By.cssSelector("#pr-detail textarea[id^=pr-answer-]"));
                answer.sendKeys("Ihre Smoff-Time fließt nicht mehr in Statistiken ein.");
                browser.driver.findElement(By.cssSelector("#pr-detail .pr-answer-form button[type=submit]")).click();
                browser.gone(By.cssSelector("#pr-queue li.privacy-request[data-nickname=rita]"));
                browser.waitForText(By.id("pr-detail"), "Ihre Smoff-Time fließt nicht mehr");
                browser.screenshot("operator-answered");
                browser.signOut();

                browser.signIn("rita", "correct horse 50");
                browser.menu("#/privacy-requests");
                WebElement done = browser.visible(By.cssSelector("li.privacy-request[data-status=answered]"));
                assertTrue(done.getText().contains("Ihre Smoff-Time fließt nicht mehr in Statistiken ein."), done.getText());
                browser.screenshot("person-answered");
            }
        }
    }
}
