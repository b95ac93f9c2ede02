package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoheit.audit.Checkpoint;
import dev.hoheit.audit.tlog.NoteVerifier;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The person's rights over real HTTP: see, take, correct, restrict, withdraw, delete; and the auditor's view. */
class SelfServiceTest {

    @DatabaseTest
    void restricting_processing_stops_every_view_until_it_is_lifted(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            Mentored pair = Mentored.setUp(app);
            TestApp.Client mentee = pair.mentee();
            TestApp.Client mentor = pair.mentor();
            TestApp.Client operator = pair.operator();
            String menteeId = pair.menteeId();
            assertEquals(201, mentee.post("/api/me/smoff-sessions", Map.of("kind", "day", "date", "2026-03-02", "minutes", 8)).statusCode());
            assertEquals(201, operator.post("/api/operator/accounts", Map.of("nickname", "acme", "password", "correct horse 52",
                    "role", "employer")).statusCode());
            assertEquals(201, operator.post("/api/operator/employments", Map.of("employee", "rita", "employer", "acme")).statusCode());
            TestApp.Client employer = app.client();
            employer.signIn("acme", "correct horse 52");
            String sessions = "/api/mentees/" + menteeId + "/smoff-sessions";
            String assessment = "/api/employer/employees/" + menteeId + "/assessment";
            assertEquals(200, mentor.get(sessions).statusCode());
            assertEquals(200, employer.get(assessment).statusCode());

            assertEquals(200, mentee.post("/api/me/restriction", Map.of("reason", "checking my entries")).statusCode());
            HttpResponse<String> refused = mentor.get(sessions);
            assertEquals(403, refused.statusCode(), "Art. 18: the grant stands, but nothing is shown");
            assertTrue(refused.body().contains("restricted the processing"), refused.body());
            assertEquals(403, mentor.get("/api/mentees/" + menteeId + "/pictures").statusCode());
            assertEquals(403, employer.get(assessment).statusCode(), "nor is the assessment computed for the employer");
            app.app.flushAudit();
            JsonNode views = TestApp.json(mentee.get("/api/me/access-log")).get("views");
            assertEquals("denied", views.get(0).get("outcome").asText(), "she sees the refused attempts: " + views);
            assertTrue(TestApp.json(mentee.get("/api/me/activity")).toString().contains("\"action\":\"restrict\""), "and her own step");

            assertEquals(200, mentee.delete("/api/me/restriction").statusCode());
            assertEquals(200, mentor.get(sessions).statusCode(), "lifted: the grant applies again");
            assertEquals(200, employer.get(assessment).statusCode());
        }
    }

    @DatabaseTest
    void restriction_covers_messages_both_ways_until_it_is_lifted(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            Mentored pair = Mentored.setUp(app);
            TestApp.Client mentee = pair.mentee();
            TestApp.Client mentor = pair.mentor();
            String menteeId = pair.menteeId();
            String mentorId = pair.mentorId();
            assertEquals(201, mentee.post("/api/me/messages", Map.of("to", mentorId, "text", "Hallo Malte")).statusCode());
            assertEquals(201, mentor.post("/api/me/messages", Map.of("to", menteeId, "text", "Hallo Rita")).statusCode());
            assertEquals(2, TestApp.json(mentor.get("/api/me/messages")).get("messages").size());

            assertEquals(200, mentee.post("/api/me/restriction", Map.of("reason", "checking my entries")).statusCode());
            JsonNode mentorsView = TestApp.json(mentor.get("/api/me/messages"));
            assertEquals(0, mentorsView.get("messages").size(), "Art. 18: the mentor reads nothing: " + mentorsView);
            assertFalse(mentorsView.toString().contains("Hallo"), mentorsView.toString());
            assertEquals(menteeId, mentorsView.get("withheld").get(0).get("with").asText());
            HttpResponse<String> write = mentor.post("/api/me/messages", Map.of("to", menteeId, "text", "Bist du da?"));
            assertEquals(403, write.statusCode(), "nor writes");
            assertTrue(write.body().contains("restricted the processing"), write.body());
            HttpResponse<String> own = mentee.post("/api/me/messages", Map.of("to", mentorId, "text", "Noch eine Frage"));
            assertEquals(403, own.statusCode(), "her own message would be read by the mentor: refused with the reason");
            assertTrue(own.body().contains("lift the restriction"), own.body());
            assertEquals(2, TestApp.json(mentee.get("/api/me/messages")).get("messages").size(), "she still reads her own conversation");
            assertEquals(2, db.rows("SELECT message_id FROM app_message").size(), "nothing was stored while restricted");

            JsonNode views = TestApp.json(mentee.get("/api/me/access-log")).get("views");
            assertEquals(2, views.size(), "both attempts are in her log: " + views);
            assertTrue(views.findValuesAsText("what").stream().allMatch("messages"::equals), views.toString());
            assertTrue(views.findValuesAsText("outcome").stream().allMatch("denied"::equals), views.toString());

            assertEquals(200, mentee.delete("/api/me/restriction").statusCode());
            assertEquals(2, TestApp.json(mentor.get("/api/me/messages")).get("messages").size(), "lifted: the conversation is back");
            assertEquals(201, mentor.post("/api/me/messages", Map.of("to", menteeId, "text", "Wieder da")).statusCode());
        }
    }

    /** Rita, signed in, with Malte as her mentor (his rights granted by the signed-in operator). */
    private record Mentored(TestApp.Client mentee, String menteeId, TestApp.Client mentor, String mentorId, TestApp.Client operator) {

        static Mentored setUp(TestApp app) {
            TestApp.Client mentee = app.client();
            String menteeId = TestApp.json(mentee.register("rita", "correct horse 50")).get("id").asText();
            mentee.signIn("rita", "correct horse 50");
            TestApp.Client operator = app.client();
            operator.signIn("operator", "operator-secret-1");
            TestApp.Client mentor = app.client();
            String mentorId = TestApp.json(mentor.register("malte", "correct horse 51")).get("id").asText();
            assertEquals(200, operator.put("/api/operator/mentors/" + mentorId).statusCode());
            mentor.signIn("malte", "correct horse 51");
            assertEquals(201, mentee.post("/api/me/mentors", Map.of("mentor", "malte", "scope", "mentor")).statusCode());
            return new Mentored(mentee, menteeId, mentor, mentorId, operator);
        }
    }

    private static String setUpMentee(TestApp app, TestApp.Client mentee) {
        String id = TestApp.json(mentee.post("/api/accounts", Map.of("nickname", "paula", "password", "correct horse 9",
                "email", "paula@example.org", "consents",
                Map.of("privacy-policy", true, "terms-mentee", true, "research-anonymised", false, "product-news", false)))).get("id").asText();
        mentee.signIn("paula", "correct horse 9");
        mentee.post("/api/me/smoff-sessions", Map.of("kind", "year", "date", "2026-01-02", "minutes", 95, "note", "Jahresplan 2026"));
        return id;
    }

    @DatabaseTest
    void my_data_and_the_export_cover_every_store(TestDatabase db) throws Exception {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client mentee = app.client();
            setUpMentee(app, mentee);

            JsonNode data = TestApp.json(mentee.get("/api/me/data"));
            List<String> stores = data.get("stores").findValuesAsText("store");
            assertEquals(app.app.retention().stores().stream().map(s -> s.descriptor().name()).toList(), stores);
            Map<String, Long> counts = new HashMap<>();
            data.get("stores").forEach(s -> counts.put(s.get("store").asText(), s.get("records").asLong()));
            assertEquals(1, counts.get("smoff-time"));
            assertTrue(counts.get("consent") >= 4 && counts.get("audit") >= 3, counts.toString());

            HttpResponse<byte[]> zip = mentee.getBytes("/api/me/export");
            assertEquals(200, zip.statusCode());
            assertTrue(zip.headers().firstValue("Content-Type").orElseThrow().startsWith("application/zip"));
            Map<String, byte[]> entries = new HashMap<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
                ZipEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
            JsonNode manifest = TestApp.JSON.readTree(entries.get("manifest.json"));
            assertEquals(stores, manifest.get("stores").findValuesAsText("name"), "the manifest lists every store");
            assertTrue(new String(entries.get("stores/smoff-time.json"), StandardCharsets.UTF_8).contains("Jahresplan 2026"));
            assertTrue(new String(entries.get("stores/accounts.json"), StandardCharsets.UTF_8).contains("paula@example.org"));
            assertTrue(entries.containsKey("stores/consent/consent-history.json") && entries.containsKey("stores/audit/audit-log.json")
                    && entries.containsKey("index.html"));
        }
    }

    @DatabaseTest
    void rectification_restriction_and_optional_consents(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client mentee = app.client();
            setUpMentee(app, mentee);
            assertEquals("paula@example.net", TestApp.json(mentee.patch("/api/me", Map.of("email", "paula@example.net"))).get("email").asText());
            assertEquals(422, mentee.patch("/api/me", Map.of("email", "nonsense")).statusCode());

            assertTrue(TestApp.json(mentee.post("/api/me/restriction", Map.of("reason", "please check my data"))).get("restricted").asBoolean());
            assertTrue(TestApp.json(mentee.get("/api/me/data")).get("restricted").asBoolean());
            mentee.delete("/api/me/restriction");
            assertFalse(TestApp.json(mentee.get("/api/me/data")).get("restricted").asBoolean());

            JsonNode granted = TestApp.json(mentee.post("/api/me/consents", Map.of("purpose", "product-news", "granted", true)));
            assertTrue(granted.toString().contains("\"purpose\":\"product-news\",\"title\""), granted.toString());
            assertEquals(List.of("de"), db.rows("SELECT notice_language FROM consent_decision WHERE purpose_id = 'product-news'"
                    + " AND choice = 'GRANTED'").stream().map(row -> row.get("notice_language")).toList(), "German unless asked otherwise");
            mentee.post("/api/me/consents", Map.of("purpose", "product-news", "granted", false));
            mentee.post("/api/me/consents", Map.of("purpose", "product-news", "granted", true, "language", "en"));
            assertEquals(List.of("de", "en"), db.rows("SELECT notice_language FROM consent_decision WHERE purpose_id = 'product-news'"
                    + " AND choice = 'GRANTED' ORDER BY subject_seq").stream().map(row -> row.get("notice_language")).toList(),
                    "the consent given from an English page refers to the English notice");
            JsonNode withdrawn = TestApp.json(mentee.post("/api/me/consents", Map.of("purpose", "product-news", "granted", false)));
            assertTrue(withdrawn.get("consents").toString().contains("withdrawn"), withdrawn.toString());
            HttpResponse<String> unconfirmed = mentee.post("/api/me/consents", Map.of("purpose", "privacy-policy", "granted", false));
            assertEquals(409, unconfirmed.statusCode());
            assertTrue(TestApp.json(unconfirmed).get("message").asText().contains("deletes your account"));
            assertEquals(200, mentee.get("/api/me").statusCode(), "nothing happened without confirmation");
        }
    }

    @DatabaseTest
    void deleting_the_account_leaves_no_row_about_the_person_and_the_log_still_verifies(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client mentee = app.client();
            String id = setUpMentee(app, mentee);
            assertEquals(401, mentee.delete("/api/me", Map.of("password", "wrong password")).statusCode());
            assertEquals(1, db.queryLong("SELECT count(*) FROM app_account WHERE account_id = ?", id), "a wrong password deletes nothing");

            JsonNode receipt = TestApp.json(mentee.delete("/api/me", Map.of("password", "correct horse 9")));

            assertTrue(receipt.get("complete").asBoolean(), receipt.toString());
            for (String table : db.tableNames()) {
                for (Map<String, Object> row : db.rowsOfTable(table)) {
                    for (Map.Entry<String, Object> value : row.entrySet()) {
                        String text = value.getValue() instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
                                : String.valueOf(value.getValue());
                        for (String trace : List.of(id, "paula", "Jahresplan")) {
                            assertFalse(text.contains(trace), table + "." + value.getKey() + " still holds '" + trace + "'");
                        }
                    }
                }
            }
            assertEquals(401, mentee.get("/api/me").statusCode());
            assertEquals(401, mentee.signIn("paula", "correct horse 9").statusCode());
            assertTrue(app.app.retention().verify().ok(), app.app.retention().verify().toJson());
        }
    }

    @DatabaseTest
    void withdrawing_a_required_consent_with_confirmation_erases_the_account(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client mentee = app.client();
            String id = setUpMentee(app, mentee);
            JsonNode receipt = TestApp.json(mentee.post("/api/me/consents", Map.of("purpose", "terms-mentee", "granted", false, "confirm", true)));
            assertTrue(receipt.get("complete").asBoolean(), receipt.toString());
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_account WHERE account_id = ?", id));
            assertEquals(0, db.queryLong("SELECT count(*) FROM consent_decision WHERE subject_id = ?", id));
        }
    }

    @DatabaseTest
    void the_auditor_sees_the_verification_runs_and_checkpoints_and_nobody_else_does(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client operator = app.client();
            operator.signIn("operator", "operator-secret-1");
            assertEquals(201, operator.post("/api/operator/accounts", Map.of("nickname", "rita", "password", "correct horse 10",
                    "role", "auditor")).statusCode());
            assertEquals(422, operator.post("/api/operator/accounts", Map.of("nickname", "rex", "password", "correct horse 11",
                    "role", "operator")).statusCode());
            TestApp.Client auditor = app.client();
            auditor.signIn("rita", "correct horse 10");

            JsonNode report = TestApp.json(auditor.get("/api/auditor/verification"));
            assertEquals("hoheit-auditor-report/1", report.get("format").asText());
            assertTrue(report.get("ok").asBoolean(), report.toString());
            HttpResponse<String> html = auditor.get("/api/auditor/verification?format=html");
            assertTrue(html.body().contains("Retention verification") && html.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
            assertTrue(TestApp.json(auditor.get("/api/auditor/retention-runs")).get("runs").size() >= 1);
            app.app.retention().runDuePolicies();
            HttpResponse<String> checkpoints = auditor.get("/api/auditor/checkpoints?format=jsonl");
            assertEquals(200, checkpoints.statusCode());
            List<NoteVerifier> logKey = List.of(NoteVerifier.parse(app.app.audit().verifierKey()));
            for (String line : checkpoints.body().split("\n")) {
                if (!line.isBlank()) {
                    assertTrue(Checkpoint.fromJson(line).signedBy(logKey));
                }
            }

            TestApp.Client mentee = app.client();
            setUpMentee(app, mentee);
            assertEquals(403, mentee.get("/api/auditor/verification").statusCode());
            assertEquals(401, app.client().get("/api/auditor/verification").statusCode());
            assertEquals(403, mentee.post("/api/operator/accounts", Map.of("nickname", "x", "password", "y", "role", "auditor")).statusCode());
        }
    }
}
