package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;

/** Every list pages: {@code ?limit=} (at most 200) and a {@code next} cursor to the following page. */
@Tag("browser") // drives a real Chromium: run by Failsafe in verify, after the unit tests
class ListPagingTest {

    @DatabaseTest
    void the_console_shows_older_smoff_time_entries_a_page_at_a_time(TestDatabase db) throws Exception {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client mentee = app.client();
            mentee.register("pager", "correct horse pager");
            mentee.signIn("pager", "correct horse pager");
            List<Callable<HttpResponse<String>>> writes = new ArrayList<>();
            for (int i = 0; i < 230; i++) {
                String date = "2026-02-" + String.format("%02d", 1 + i % 28);
                writes.add(() -> mentee.post("/api/me/smoff-sessions", Map.of("kind", "day", "date", date, "minutes", 5)));
            }
            for (List<Callable<HttpResponse<String>>> batch : batches(writes, 8)) {
                for (HttpResponse<String> response : CostLimitTest.parallel(batch)) {
                    assertEquals(201, response.statusCode(), response.body());
                }
            }
            try (ConsoleBrowser browser = new ConsoleBrowser(app, db.kind() + "-smoff-paging")) {
                browser.signIn("pager", "correct horse pager");
                browser.menu("#/smoff-time");
                browser.visible(By.cssSelector("table.sessions tbody tr"));
                assertEquals(200, browser.driver.findElements(By.cssSelector("table.sessions tbody tr")).size(), "the first page");
                browser.visible(By.id("sessions-older")).click();
                browser.gone(By.id("sessions-older"));
                assertEquals(230, browser.driver.findElements(By.cssSelector("table.sessions tbody tr")).size(),
                        "every entry, the older page below, the button gone after the last page");
                browser.screenshot("smoff-time-all-pages");
            }
        }
    }

    @DatabaseTest
    void a_thousand_smoff_time_entries_come_in_keyset_pages(TestDatabase db) throws Exception {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client mentee = app.client();
            String menteeId = TestApp.json(mentee.register("pager", "correct horse pager")).get("id").asText();
            mentee.signIn("pager", "correct horse pager");
            List<Callable<HttpResponse<String>>> writes = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                String date = "2026-02-" + String.format("%02d", 1 + i % 28);
                writes.add(() -> mentee.post("/api/me/smoff-sessions", Map.of("kind", "day", "date", date, "minutes", 5)));
            }
            for (List<Callable<HttpResponse<String>>> batch : batches(writes, 8)) {
                for (HttpResponse<String> response : CostLimitTest.parallel(batch)) {
                    assertEquals(201, response.statusCode(), response.body());
                }
            }
            JsonNode first = TestApp.json(mentee.get("/api/me/smoff-sessions?limit=50"));
            assertEquals(50, first.get("sessions").size());
            assertEquals(50, first.get("limit").asInt());
            assertTrue(first.get("next").isTextual());
            assertEquals(200, TestApp.json(mentee.get("/api/me/smoff-sessions")).get("sessions").size(), "200 unless asked");
            assertEquals(400, mentee.get("/api/me/smoff-sessions?limit=201").statusCode());
            assertEquals(400, mentee.get("/api/me/smoff-sessions?limit=0").statusCode());
            assertEquals(400, mentee.get("/api/me/smoff-sessions?cursor=not-a-cursor").statusCode());
            assertEquals(400, mentee.get("/api/me/smoff-sessions?cursor=" + "A".repeat(1000)).statusCode());

            Set<String> seen = new HashSet<>();
            String previousDate = "9999-12-31";
            String cursor = null;
            int pages = 0;
            do {
                HttpResponse<String> response = mentee.get("/api/me/smoff-sessions?limit=150"
                        + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
                assertEquals(200, response.statusCode(), response.body());
                JsonNode page = TestApp.json(response);
                for (JsonNode entry : page.get("sessions")) {
                    assertTrue(seen.add(entry.get("id").asText()), "no entry twice");
                    assertTrue(entry.get("date").asText().compareTo(previousDate) <= 0, "newest first");
                    previousDate = entry.get("date").asText();
                }
                cursor = page.get("next").isNull() ? null : page.get("next").asText();
                pages++;
            } while (cursor != null);
            assertEquals(1000, seen.size(), "every entry once");
            assertEquals(7, pages);

            TestApp.Client mentor = app.client();
            String mentorId = TestApp.json(mentor.register("pagementor", "correct horse pagementor")).get("id").asText();
            TestApp.Client operator = app.client();
            operator.signIn("operator", "operator-secret-1");
            operator.put("/api/operator/mentors/" + mentorId);
            mentor.signIn("pagementor", "correct horse pagementor");
            assertEquals(201, mentee.post("/api/me/mentors", Map.of("mentor", "pagementor", "scope", "mentor")).statusCode());
            JsonNode seenByMentor = TestApp.json(mentor.get("/api/mentees/" + menteeId + "/smoff-sessions?limit=50"));
            assertEquals(50, seenByMentor.get("sessions").size());
            assertEquals("pager", seenByMentor.get("nickname").asText());
            assertEquals(first.get("sessions").get(0).get("id"), seenByMentor.get("sessions").get(0).get("id"));

            // The other lists page the same way.
            for (int i = 0; i < 3; i++) {
                mentee.put("/api/me/plans/day/2026-02-0" + (i + 1), Map.of("text", "Plan " + i));
            }
            JsonNode plans = TestApp.json(mentee.get("/api/me/plans?limit=2"));
            assertEquals(2, plans.get("plans").size());
            JsonNode rest = TestApp.json(mentee.get("/api/me/plans?limit=2&cursor=" + plans.get("next").asText()));
            assertEquals(1, rest.get("plans").size());
            assertTrue(rest.get("next").isNull());
            for (String list : List.of("/api/me/mentors", "/api/me/pictures", "/api/me/messages", "/api/me/consents",
                    "/api/me/privacy-requests", "/api/me/notifications")) {
                HttpResponse<String> response = mentee.get(list + "?limit=1");
                assertEquals(200, response.statusCode(), list + ": " + response.body());
                assertEquals(1, TestApp.json(response).get("limit").asInt(), list);
                assertEquals(400, mentee.get(list + "?limit=500").statusCode(), list);
            }
            assertEquals(1, TestApp.json(mentee.get("/api/me/consents?limit=1")).get("consents").size());
            assertEquals(1, TestApp.json(mentor.get("/api/mentees?limit=1")).get("mentees").size());
            for (String list : List.of("/api/operator/accounts", "/api/operator/assignments", "/api/operator/courses",
                    "/api/operator/employments", "/api/operator/privacy-requests", "/api/auditor/retention-runs")) {
                HttpResponse<String> response = operator.get(list + "?limit=1");
                assertEquals(200, response.statusCode(), list + ": " + response.body());
                assertTrue(TestApp.json(response).has("next"), list);
            }
            JsonNode accounts = TestApp.json(operator.get("/api/operator/accounts?limit=1"));
            JsonNode second = TestApp.json(operator.get("/api/operator/accounts?limit=1&cursor=" + accounts.get("next").asText()));
            assertEquals(TestApp.json(operator.get("/api/operator/accounts?limit=1&offset=1")).get("accounts"), second.get("accounts"),
                    "offset still works, and the cursor agrees with it");
        }
    }

    private static <T> List<List<T>> batches(List<T> all, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            batches.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return batches;
    }
}
