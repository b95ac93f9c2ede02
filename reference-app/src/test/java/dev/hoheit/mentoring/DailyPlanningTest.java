package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The daily job in one step, through the API: today's planning session and day plan in one request
 * and one transaction; registering signs in; the first sign-in's explanation is remembered per
 * account; consent receipts to download; and an export whose index.html reads in the person's
 * language, names people by nickname and shows every store as tables.
 */
class DailyPlanningTest {

    private static final String PASSWORD = "correct horse daily";

    @DatabaseTest
    void the_planning_session_and_the_day_plan_are_saved_together_or_not_at_all(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client mentee = app.client();
            assertEquals(201, mentee.register("dora", PASSWORD).statusCode());

            HttpResponse<String> saved = mentee.post("/api/me/daily-planning",
                    Map.of("date", "2026-03-02", "minutes", 8, "plan", "1. Angebot schreiben\n2. Sport"));
            assertEquals(201, saved.statusCode(), saved.body());
            JsonNode body = TestApp.json(saved);
            assertEquals("day", body.get("session").get("kind").asText());
            assertEquals(8, body.get("session").get("minutes").asInt());
            assertEquals("2026-03-02", body.get("plan").get("period").asText());
            JsonNode plans = TestApp.json(mentee.get("/api/me/plans")).get("plans");
            assertEquals("1. Angebot schreiben\n2. Sport", plans.get(0).get("text").asText());
            assertEquals(1, TestApp.json(mentee.get("/api/me/smoff-sessions")).get("sessions").size());

            // A refused plan (empty) refuses the planning time too: the request changed nothing.
            assertEquals(422, mentee.post("/api/me/daily-planning", Map.of("date", "2026-03-01", "minutes", 6, "plan", " ")).statusCode());
            // A refused planning time (too long) leaves the plan unsaved as well.
            assertEquals(422, mentee.post("/api/me/daily-planning", Map.of("date", "2026-03-01", "minutes", 900, "plan", "Plan")).statusCode());
            assertEquals(1, db.queryLong("SELECT count(*) FROM app_smoff_session"), "no session without its plan");
            assertEquals(1, db.queryLong("SELECT count(*) FROM app_plan"), "no plan without its session");
            app.app.flushAudit();
            assertEquals(1, db.queryLong("SELECT count(*) FROM audit_entry WHERE action = 'CREATE' AND resource_type = 'smoff-session'"));
            assertEquals(1, db.queryLong("SELECT count(*) FROM audit_entry WHERE action = 'UPDATE' AND resource_type = 'plan'"));
        }
    }

    @DatabaseTest
    void registering_signs_in_and_the_explanation_is_shown_until_read_once(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client laptop = app.client();
            HttpResponse<String> created = laptop.register("emil", PASSWORD);
            assertTrue(created.headers().firstValue("Set-Cookie").orElse("").contains("HttpOnly"), "a session cookie");
            assertNotNull(TestApp.json(created).get("csrfToken"));
            JsonNode me = TestApp.json(laptop.get("/api/me"));
            assertEquals("emil", me.get("nickname").asText(), "signed in by registering");
            assertFalse(me.get("welcomeSeen").asBoolean(), "a new account is shown the explanation");

            assertEquals(422, laptop.post("/api/me/welcome", Map.of("seen", false)).statusCode());
            assertEquals(204, laptop.post("/api/me/welcome", Map.of("seen", true)).statusCode());
            TestApp.Client phone = app.client();
            phone.signIn("emil", PASSWORD);
            assertTrue(TestApp.json(phone.get("/api/me")).get("welcomeSeen").asBoolean(), "remembered for the account, not the browser");
            assertEquals(1, db.queryLong("SELECT count(*) FROM app_account WHERE welcome_seen_at IS NOT NULL"));
        }
    }

    @DatabaseTest
    void consent_receipts_download_for_their_owner_only(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client mentee = app.client();
            mentee.register("frida", PASSWORD);
            JsonNode consents = TestApp.json(mentee.get("/api/me/consents")).get("consents");
            JsonNode privacy = null;
            for (JsonNode consent : consents) {
                if (consent.get("purpose").asText().equals("privacy-policy")) {
                    privacy = consent;
                }
            }
            assertNotNull(privacy, consents.toString());
            String decision = privacy.get("decisions").get(0).get("id").asText();
            assertEquals("granted", privacy.get("decisions").get(0).get("choice").asText());
            HttpResponse<String> receipt = mentee.get("/api/me/consents/" + decision + "/receipt");
            assertEquals(200, receipt.statusCode());
            assertTrue(receipt.headers().firstValue("Content-Disposition").orElse("").contains("consent-receipt-privacy-policy-"));
            assertEquals(decision, TestApp.json(receipt).get("consentReceiptID").asText());

            TestApp.Client other = app.client();
            other.register("gero", PASSWORD);
            assertEquals(404, other.get("/api/me/consents/" + decision + "/receipt").statusCode(), "someone else's receipt is unknown");
            assertEquals(404, other.get("/api/me/consents/not-a-uuid/receipt").statusCode());
        }
    }

    @DatabaseTest
    void the_exports_page_reads_in_the_persons_language_with_nicknames_and_tables(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client mentee = app.client();
            mentee.register("hanna", PASSWORD);
            TestApp.Client mentor = app.client();
            String mentorId = TestApp.json(mentor.register("ingo-mentor", PASSWORD)).get("id").asText();
            TestApp.Client operator = app.client();
            operator.signIn("operator", "operator-secret-1");
            assertEquals(200, operator.put("/api/operator/mentors/" + mentorId).statusCode());
            assertEquals(201, mentee.post("/api/me/mentors", Map.of("mentor", "ingo-mentor", "scope", "mentor")).statusCode());
            mentee.post("/api/me/daily-planning", Map.of("date", "2026-03-02", "minutes", 7, "plan", "Steuern <b>machen</b>"));

            Map<String, String> german = unzip(mentee, "/api/me/export?lang=de");
            String page = german.get("index.html");
            assertTrue(page.contains("<html lang=\"de\">"), "German page");
            assertTrue(page.contains("Alle über Sie gespeicherten Daten") && page.contains("Export für <strong>hanna</strong>"),
                    "the person by her nickname: " + page.substring(0, Math.min(page.length(), 1500)));
            assertFalse(page.contains(TestApp.json(mentee.get("/api/me")).get("id").asText() + "</strong>"), "not by her id");
            assertTrue(page.contains("<th scope=\"col\">Minuten</th>") && page.contains("<td>7</td>"), "Smoff-Time as a table");
            assertTrue(page.contains("Steuern &lt;b&gt;machen&lt;/b&gt;"), "the plan's text in a cell, escaped");
            assertTrue(page.contains(">ingo-mentor</span>"), "the mentor by his nickname in the grants table");
            assertTrue(page.contains("<caption>Entscheidungen"), "the consent decisions as a table");
            assertTrue(page.contains("Belege Ihrer Einwilligungen") && page.contains("href=\"stores/consent/receipt-"), "receipts listed");
            long receipts = german.keySet().stream().filter(name -> name.startsWith("stores/consent/receipt-")).count();
            assertTrue(receipts >= 2, "a receipt for each decision: " + german.keySet());
            assertTrue(page.contains("<caption>Was Sie getan haben"), "the log as a table");
            assertFalse(page.contains("Everything stored about you"), "no English heading in the German page");
            assertEquals(java.util.List.of(), java.util.regex.Pattern.compile("<(?:th scope=\"col\"|caption)>([a-z]+[A-Z.][^<]*)<")
                    .matcher(page).results().map(m -> m.group(1)).distinct().toList(), "columns or tables under their technical names");

            String english = unzip(mentee, "/api/me/export?lang=en").get("index.html");
            assertTrue(english.contains("<html lang=\"en\">") && english.contains("Everything stored about you")
                    && english.contains("<th scope=\"col\">Minutes</th>"), "English when asked");
            assertFalse(english.contains("Alle über Sie gespeicherten Daten"));
        }
    }

    private static Map<String, String> unzip(TestApp.Client client, String path) {
        HttpResponse<byte[]> zip = client.getBytes(path);
        assertEquals(200, zip.statusCode());
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
