package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * "Who viewed my data" (R6) and the audit part of the export (Art. 15) over real HTTP: every view by
 * someone else, however many own reads lie between them, and none of the others' client data.
 */
@Tag("browser") // drives a real Chromium: run by Failsafe in verify, after the unit tests
class AccessLogTest {

    private static final String MENTOR_BROWSER = "MentorBrowser/7.1 (mentor's own machine)";

    /** A mentee with a mentor who may see her Smoff-Time; returns her id. */
    private static String menteeWithMentor(TestApp app, TestApp.Client mentee, TestApp.Client mentor) {
        String menteeId = TestApp.json(mentee.register("rita", "correct horse 50")).get("id").asText();
        mentee.signIn("rita", "correct horse 50");
        TestApp.Client operator = app.client();
        operator.signIn("operator", "operator-secret-1");
        String mentorId = TestApp.json(mentor.register("malte", "correct horse 51")).get("id").asText();
        assertEquals(200, operator.put("/api/operator/mentors/" + mentorId).statusCode());
        mentor.signIn("malte", "correct horse 51");
        assertEquals(201, mentee.post("/api/me/mentors", Map.of("mentor", "malte", "scope", "mentor")).statusCode());
        return menteeId;
    }

    private static int mentorViews(TestApp.Client mentor, String menteeId) {
        return mentor.send(HttpRequest.newBuilder(mentor.base.resolve("/api/mentees/" + menteeId + "/smoff-sessions"))
                .header("User-Agent", MENTOR_BROWSER).GET()).statusCode();
    }

    @DatabaseTest
    void every_view_by_others_pages_through_any_number_of_own_reads(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client mentee = app.client();
            TestApp.Client mentor = app.client();
            String menteeId = menteeWithMentor(app, mentee, mentor);
            for (int round = 0; round < 3; round++) {
                assertEquals(200, mentorViews(mentor, menteeId));
                for (int own = 0; own < 60; own++) { // 180 own reads: more than the old newest-100 window held
                    assertEquals(200, mentee.get("/api/me/smoff-sessions").statusCode());
                }
            }

            List<JsonNode> views = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            String path = "/api/me/access-log?limit=2";
            while (true) {
                JsonNode page = TestApp.json(mentee.get(path));
                assertEquals(2, page.get("limit").asInt());
                pageSizes.add(page.get("views").size());
                page.get("views").forEach(views::add);
                if (page.get("next").isNull()) {
                    break;
                }
                path = "/api/me/access-log?limit=2&before=" + page.get("next").asLong();
            }
            assertEquals(List.of(2, 1), pageSizes, "full pages, filtered in the database: " + views);
            assertEquals(3, views.size());
            assertTrue(views.stream().allMatch(v -> v.get("who").asText().equals("malte") && v.get("role").asText().equals("mentor")),
                    views.toString());
            assertTrue(views.get(0).get("at").asText().compareTo(views.get(2).get("at").asText()) >= 0, "newest first");

            JsonNode activity = TestApp.json(mentee.get("/api/me/activity?limit=100"));
            assertEquals(100, activity.get("activity").size(), "her own reads are her activity (R7), a full page of them");
            assertFalse(activity.get("next").isNull(), "and more pages behind it");
            JsonNode older = TestApp.json(mentee.get("/api/me/activity?limit=200&before=" + activity.get("next").asLong()));
            assertTrue(older.get("activity").size() >= 80 && older.get("next").isNull(), "the rest on the last page: " + older);
            assertTrue(older.get("activity").get(0).get("at").asText()
                    .compareTo(activity.get("activity").get(99).get("at").asText()) <= 0, "the next page is older");
        }
    }

    @DatabaseTest
    void the_console_shows_older_views_page_by_page_and_the_mentor_a_withheld_conversation(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client mentee = app.client();
            TestApp.Client mentor = app.client();
            String menteeId = menteeWithMentor(app, mentee, mentor);
            mentor.acceptTerms();
            assertEquals(201, mentor.post("/api/me/messages", Map.of("to", menteeId, "text", "Hallo Rita")).statusCode());
            for (int i = 0; i < 55; i++) { // more than the console's first page of 50
                assertEquals(200, mentorViews(mentor, menteeId));
            }
            try (ConsoleBrowser browser = new ConsoleBrowser(app, db.kind() + "-access-log")) {
                browser.signIn("rita", "correct horse 50");
                browser.menu("#/access-log");
                browser.visible(By.cssSelector("#access-log li.view"));
                assertEquals(50, browser.driver.findElements(By.cssSelector("#access-log li.view")).size());
                browser.screenshot("access-log-first-page");
                browser.visible(By.id("older")).click();
                browser.gone(By.id("older"));
                assertEquals(55, browser.driver.findElements(By.cssSelector("#access-log li.view")).size(), "every view, the older page below");
                browser.screenshot("access-log-all");
            }
            assertEquals(200, mentee.post("/api/me/restriction", Map.of("reason", "checking")).statusCode());
            try (ConsoleBrowser browser = new ConsoleBrowser(app, db.kind() + "-messages-restricted")) {
                browser.signIn("malte", "correct horse 51");
                browser.menu("#/messages");
                WebElement notice = browser.visible(By.cssSelector("p.withheld"));
                assertTrue(notice.getText().contains("rita") && notice.getText().contains("Art. 18"), notice.getText());
                assertTrue(browser.driver.findElements(By.cssSelector("li.message")).isEmpty(), "no message is shown");
                assertTrue(browser.driver.findElements(By.id("message-form")).isEmpty(), "and she is no recipient to choose");
                assertFalse(browser.text().contains("Hallo Rita"));
                browser.screenshot("messages-withheld");
            }
        }
    }

    @DatabaseTest
    void a_bad_cursor_or_page_size_is_a_clear_400(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client mentee = app.client();
            mentee.register("rita", "correct horse 50");
            mentee.signIn("rita", "correct horse 50");
            for (String query : List.of("?before=abc", "?before=0", "?before=-5", "?limit=0", "?limit=201", "?before=99999999999999999999")) {
                HttpResponse<String> response = mentee.get("/api/me/access-log" + query);
                assertEquals(400, response.statusCode(), query + ": " + response.body());
                assertFalse(response.body().contains("Exception"), response.body());
            }
            assertEquals(401, app.client().get("/api/me/access-log").statusCode());
        }
    }

    @DatabaseTest
    void the_export_names_who_acted_on_her_data_but_carries_only_her_own_client_data(TestDatabase db) throws Exception {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client mentee = app.client();
            TestApp.Client mentor = app.client();
            String menteeId = menteeWithMentor(app, mentee, mentor);
            assertEquals(200, mentorViews(mentor, menteeId));
            assertEquals(200, mentee.post("/api/me/restriction", Map.of("reason", "checking")).statusCode());
            assertEquals(403, mentorViews(mentor, menteeId), "a denied attempt is in her log too");
            assertEquals(200, mentee.delete("/api/me/restriction").statusCode());
            app.app.flushAudit();

            HttpResponse<byte[]> zip = mentee.getBytes("/api/me/export");
            assertEquals(200, zip.statusCode());
            String auditLog = auditLogIn(zip.body());
            JsonNode json = TestApp.JSON.readTree(auditLog);
            assertFalse(auditLog.contains("MentorBrowser"), "never the mentor's user agent in the mentee's export");
            List<JsonNode> byMentor = new ArrayList<>();
            json.get("asSubject").forEach(e -> {
                if ("mentor".equals(e.get("actorRole").asText())) {
                    byMentor.add(e);
                }
            });
            assertEquals(2, byMentor.stream().filter(e -> e.get("action").asText().equals("VIEW")).count(), byMentor.toString());
            assertTrue(byMentor.stream().allMatch(e -> e.get("client") == null && e.hasNonNull("recordedAt") && e.hasNonNull("actorId")),
                    "who, what and when stay; the client data goes: " + byMentor);
            assertTrue(json.get("asActor").size() > 0 && json.get("asActor").findValues("client").stream()
                    .anyMatch(c -> c.get("ipAddress").asText().equals("127.0.0.1")), "her own client data stays in her export");

            HttpResponse<byte[]> mentorsZip = mentor.getBytes("/api/me/export");
            String mentorsLog = auditLogIn(mentorsZip.body());
            assertTrue(mentorsLog.contains(MENTOR_BROWSER), "the mentor's own export keeps his client data");
        }
    }

    /** The audit part of an export: {@code stores/audit/audit-log.json} of the ZIP; fails when it is missing. */
    private static String auditLogIn(byte[] zip) throws java.io.IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().equals("stores/audit/audit-log.json")) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("the export has no stores/audit/audit-log.json");
    }
}
