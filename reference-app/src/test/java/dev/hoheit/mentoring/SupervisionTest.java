package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Supervision with pseudonymised cases only (R26), over real HTTP and tried as each side would: the
 * mentor tries to slip the mentee's name, e-mail or another nickname into a case; everything the
 * supervisor's API returns is scanned for her nickname, account id, e-mail, plan and note texts,
 * picture id and the exact dates of her planning; the mentee sees the case in her log and objects;
 * revoking the grant, restricting processing, erasure and retention delete cases.
 */
class SupervisionTest {

    private static final String PLAN_TEXT = "Montag: Angebot für Kunde Krause fertig";
    private static final String WEEK_PLAN_TEXT = "Wochenziel Steuererklärung\nZweitens Bewerbung";
    private static final String NOTE_TEXT = "Notiz über den Streit mit Chef Bertram";
    private static final String QUESTION = "Sie plant täglich, aber die Wochenplanung fällt oft aus. Wie spreche ich das an?";

    /** The people of a supervision story. */
    private record People(TestApp.Client operator, TestApp.Client mentee, String menteeId, TestApp.Client mentor, TestApp.Client supervisor,
                          String supervisorId) {
    }

    private static People people(TestApp app, String mentorScope) {
        TestApp.Client operator = app.client();
        operator.signIn("operator", "operator-secret-1");
        assertEquals(201, operator.post("/api/operator/accounts", Map.of("nickname", "mona", "password", "correct horse 61", "role", "mentor"))
                .statusCode());
        HttpResponse<String> made = operator.post("/api/operator/accounts", Map.of("nickname", "sven", "password", "correct horse 62",
                "role", "supervisor"));
        assertEquals(201, made.statusCode(), made.body());
        String supervisorId = TestApp.json(made).get("id").asText();
        TestApp.Client mentee = app.client();
        HttpResponse<String> registered = mentee.post("/api/accounts", Map.of("nickname", "mia", "password", "correct horse 60",
                "email", "mia.k@example.org", "consents", Map.of("privacy-policy", true, "terms-mentee", true,
                        "research-anonymised", false, "product-news", false)));
        assertEquals(201, registered.statusCode(), registered.body());
        String menteeId = TestApp.json(registered).get("id").asText();
        mentee.signIn("mia", "correct horse 60");
        TestApp.Client mentor = app.client();
        mentor.signIn("mona", "correct horse 61");
        TestApp.Client supervisor = app.client();
        supervisor.signIn("sven", "correct horse 62");
        assertEquals(201, mentee.post("/api/me/mentors", Map.of("mentor", "mona", "scope", mentorScope)).statusCode());
        return new People(operator, mentee, menteeId, mentor, supervisor, supervisorId);
    }

    private static String openCase(People p, String question) {
        HttpResponse<String> opened = p.mentor().post("/api/mentor/cases", Map.of("mentee", p.menteeId(), "supervisor", "sven",
                "question", question));
        assertEquals(201, opened.statusCode(), opened.body());
        return TestApp.json(opened).get("id").asText();
    }

    @DatabaseTest
    void a_case_holds_her_planning_pseudonymised_and_the_supervisor_never_sees_who_or_when(TestDatabase db) throws IOException {
        try (TestApp app = new TestApp(db)) {
            People p = people(app, "mentor");
            // Her planning over three weeks: Smoff-Time with a note, day, week and year plans, a picture.
            List<String> dates = List.of("2026-02-16", "2026-02-18", "2026-02-23", "2026-02-24", "2026-02-25", "2026-03-02");
            for (String date : dates) {
                assertEquals(201, p.mentee().post("/api/me/smoff-sessions", Map.of("kind", "day", "date", date, "minutes", 7,
                        "note", NOTE_TEXT)).statusCode());
            }
            assertEquals(201, p.mentee().post("/api/me/smoff-sessions", Map.of("kind", "week", "date", "2026-02-23", "minutes", 20))
                    .statusCode());
            assertEquals(200, p.mentee().put("/api/me/plans/day/2026-02-24", Map.of("text", PLAN_TEXT)).statusCode());
            assertEquals(200, p.mentee().put("/api/me/plans/week/2026-W09", Map.of("text", WEEK_PLAN_TEXT)).statusCode());
            assertEquals(200, p.mentee().put("/api/me/plans/year/2026", Map.of("text", "Jahresziel: Meisterprüfung")).statusCode());
            HttpResponse<String> picture = p.mentee().upload("/api/me/pictures", "image/png", PictureLoadTest.png(40, 30, 8, 2));
            assertEquals(201, picture.statusCode(), picture.body());
            String pictureId = TestApp.json(picture).get("id").asText();

            // The mentor tries to name her, or anyone: each refused with the reason, nothing stored.
            for (String slip : List.of("Wie helfe ich Mia?", "Die Planung von MIA ist gut", "miaK schreibt viel", "Ｍｉａ plant",
                    "Schreiben Sie ihr an mia.k@example.org", "Kontakt: jemand@example.com", "Konto " + p.menteeId(),
                    "Frag sven oder mona")) {
                HttpResponse<String> refused = p.mentor().post("/api/mentor/cases", Map.of("mentee", p.menteeId(), "supervisor", "sven",
                        "question", slip));
                assertEquals(422, refused.statusCode(), slip + ": " + refused.body());
                assertTrue(TestApp.json(refused).get("message").asText().contains("pseudonymised")
                        || TestApp.json(refused).get("message").asText().contains("names nobody"), refused.body());
            }
            assertEquals(422, p.mentor().post("/api/mentor/cases", Map.of("mentee", p.menteeId(), "supervisor", "sven", "question", QUESTION,
                    "notes", "Sie heißt mia")).statusCode(), "the notes are checked too");
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_supervision_case"), "a refused case is not stored");
            assertEquals(422, p.mentor().post("/api/mentor/cases", Map.of("mentee", p.menteeId(), "supervisor", "mona", "question", QUESTION))
                    .statusCode(), "only someone with supervisor rights supervises");

            HttpResponse<String> opened = p.mentor().post("/api/mentor/cases", Map.of("mentee", p.menteeId(), "supervisor", "sven",
                    "question", QUESTION, "notes", "Seit dem Jobwechsel weniger Zeit.", "weeks", 4));
            assertEquals(201, opened.statusCode(), opened.body());
            OpenApiContract contract = new OpenApiContract(app.client().get("/api/openapi.json").body());
            conforms(contract, "POST", "/api/mentor/cases", opened);
            JsonNode forMentor = TestApp.json(opened);
            String caseId = forMentor.get("id").asText();
            assertEquals("mia", forMentor.get("mentee").asText(), "the mentor knows whom she asks about");
            assertTrue(forMentor.get("label").asText().matches("F-[A-Z2-9]{6}"));
            JsonNode planning = forMentor.get("pseudonymisedPlanning");
            assertEquals(-3, planning.get("fromWeek").asInt(), "four weeks: week 0 and the three before");
            JsonNode daily = planning.get("smoffTime").get("kinds").get("day");
            assertEquals(6, daily.get("sessions").asInt());
            assertEquals(42, daily.get("totalMinutes").asInt());
            assertEquals(1.0, daily.get("withinRecommended").asDouble(), "7 minutes is within 4-10");
            JsonNode weekMinus1 = planning.get("smoffTime").get("byWeek").get(2);
            assertEquals(-1, weekMinus1.get("week").asInt());
            assertEquals(3, weekMinus1.get("kinds").get("day").get("sessions").asInt(), "three day sessions in the week before");
            assertEquals(20, weekMinus1.get("kinds").get("week").get("minutes").asInt());
            assertEquals(2, planning.get("smoffTime").get("byWeek").get(1).get("kinds").get("day").get("sessions").asInt(), "week -2");
            JsonNode plans = planning.get("plans");
            assertEquals(1, plans.get("dayPlans").asInt());
            assertEquals(1, plans.get("weekPlans").asInt());
            JsonNode planWeek = plans.get("byWeek").get(0);
            assertEquals(-1, planWeek.get("week").asInt());
            assertEquals(PLAN_TEXT.length(), planWeek.get("dayPlanCharacters").asInt(), "how long, not what");
            assertEquals(2, planWeek.get("weekPlanLines").asInt());
            assertEquals(0, plans.get("yearPlans").get(0).get("year").asInt());

            // Everything the supervisor's API returns, scanned for whatever could identify her or date her planning.
            List<String> seen = new ArrayList<>();
            HttpResponse<String> list = p.supervisor().get("/api/supervisor/cases");
            assertEquals(200, list.statusCode(), list.body());
            seen.add(list.body());
            conforms(contract, "GET", "/api/supervisor/cases", list);
            assertEquals(1, TestApp.json(list).get("cases").size());
            HttpResponse<String> read = p.supervisor().get("/api/supervisor/cases/" + caseId);
            assertEquals(200, read.statusCode(), read.body());
            seen.add(read.body());
            conforms(contract, "GET", "/api/supervisor/cases/{id}", read);
            assertEquals(QUESTION, TestApp.json(read).get("question").asText());
            assertEquals(planning, TestApp.json(read).get("pseudonymisedPlanning"), "the supervisor sees what the mentor saw");
            assertEquals(422, p.supervisor().post("/api/supervisor/cases/" + caseId + "/answers", Map.of("text", "Fragen Sie mia direkt"))
                    .statusCode(), "the supervisor names nobody either");
            HttpResponse<String> answered = p.supervisor().post("/api/supervisor/cases/" + caseId + "/answers",
                    Map.of("text", "Vereinbaren Sie einen festen Termin für die Wochenplanung."));
            assertEquals(201, answered.statusCode(), answered.body());
            seen.add(answered.body());
            conforms(contract, "POST", "/api/supervisor/cases/{id}/answers", answered);
            seen.add(p.supervisor().get("/api/supervisor/cases/" + caseId).body());
            // Her notifications tell the supervisor of the case by its label only (their own times are the supervisor's).
            String notifications = p.supervisor().get("/api/me/notifications").body();
            assertTrue(notifications.contains(forMentor.get("label").asText()), notifications);
            List<String> forbidden = new ArrayList<>(List.of("mia", p.menteeId(), "mia.k@example.org", PLAN_TEXT, "Wochenziel", "Zweitens",
                    "Meisterprüfung", NOTE_TEXT, "Bertram", pictureId, "2026-W09", "2026-W08", "2026-W10"));
            forbidden.addAll(dates);
            for (String body : seen) {
                for (String secret : forbidden) {
                    assertFalse(body.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT)),
                            "the supervisor's API returned '" + secret + "': " + body);
                }
                assertFalse(body.matches("(?s).*\\d{4}-\\d{2}-\\d{2}.*"), "no date at all reaches the supervisor: " + body);
            }
            for (String secret : List.of("mia", p.menteeId(), "mia.k@example.org", PLAN_TEXT, NOTE_TEXT, pictureId)) {
                assertFalse(notifications.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT)), notifications);
            }
            // Neither side reaches her account from a case: the supervisor has no way in.
            assertEquals(403, p.supervisor().get("/api/mentees/" + p.menteeId() + "/smoff-sessions").statusCode());
            assertEquals(403, p.supervisor().get("/api/mentor/cases/" + caseId).statusCode());
            assertEquals(403, p.mentee().get("/api/supervisor/cases/" + caseId).statusCode());

            // Stored encrypted under her key.
            byte[] question = (byte[]) db.rows("SELECT question_enc FROM app_supervision_case").get(0).get("question_enc");
            assertFalse(new String(question, StandardCharsets.ISO_8859_1).contains("Wochenplanung"));

            // The mentor reads the answer; her follow-up is checked the same way.
            HttpResponse<String> mentorRead = p.mentor().get("/api/mentor/cases/" + caseId);
            conforms(contract, "GET", "/api/mentor/cases/{id}", mentorRead);
            JsonNode mentorView = TestApp.json(mentorRead);
            assertEquals("supervisor", mentorView.get("messages").get(0).get("from").asText());
            assertEquals(422, p.mentor().post("/api/mentor/cases/" + caseId + "/messages", Map.of("text", "mia meint das auch")).statusCode());
            assertEquals(201, p.mentor().post("/api/mentor/cases/" + caseId + "/messages", Map.of("text", "Danke, das versuche ich.")).statusCode());

            // Her log: the mentor shared her planning with sven, pseudonymised; sven read it.
            app.app.flushAudit();
            JsonNode views = TestApp.json(p.mentee().get("/api/me/access-log")).get("views");
            List<JsonNode> cases = new ArrayList<>();
            views.forEach(view -> {
                if ("supervision-case".equals(view.get("what").asText())) {
                    cases.add(view);
                }
            });
            assertEquals(3, cases.size(), views.toString());
            assertTrue(cases.stream().anyMatch(v -> v.get("who").asText().equals("mona") && v.get("supervisor").asText().equals("sven")),
                    views.toString());
            assertTrue(cases.stream().filter(v -> v.get("who").asText().equals("sven")).allMatch(v -> v.get("role").asText().equals("supervisor")
                    && v.get("mentor").asText().equals("mona")), views.toString());
            HttpResponse<String> aboutMe = p.mentee().get("/api/me/supervision");
            conforms(contract, "GET", "/api/me/supervision", aboutMe);
            conforms(contract, "GET", "/api/mentor/cases", p.mentor().get("/api/mentor/cases"));
            JsonNode mine = TestApp.json(aboutMe).get("cases").get(0);
            assertEquals("mona", mine.get("mentor").asText());
            assertEquals("sven", mine.get("supervisor").asText());
            assertEquals("open", mine.get("status").asText());
            // Her export holds the case in full, as the supervisor saw it.
            HttpResponse<byte[]> export = p.mentee().getBytes("/api/me/export");
            assertEquals(200, export.statusCode());
            String exported = zipText(export.body());
            assertTrue(exported.contains(QUESTION) && exported.contains("Vereinbaren Sie einen festen Termin"), "the case is in her export");

            // She objects: the case closes at once; the supervisor can no longer read it, the view of her planning is dropped.
            assertEquals(404, p.mentor().post("/api/me/supervision/" + caseId + "/objection", "{}").statusCode(), "only she objects");
            HttpResponse<String> objected = p.mentee().post("/api/me/supervision/" + caseId + "/objection", "{}");
            assertEquals(200, objected.statusCode(), objected.body());
            conforms(contract, "POST", "/api/me/supervision/{id}/objection", objected);
            assertEquals("objection", TestApp.json(objected).get("closeReason").asText());
            HttpResponse<String> refusedSlip = p.mentor().post("/api/mentor/cases", Map.of("mentee", p.menteeId(), "supervisor", "sven",
                    "question", "mia"));
            conforms(contract, "POST", "/api/mentor/cases", refusedSlip);
            assertEquals(404, p.supervisor().get("/api/supervisor/cases/" + caseId).statusCode());
            assertEquals(0, TestApp.json(p.supervisor().get("/api/supervisor/cases")).get("cases").size());
            assertEquals(409, p.mentor().post("/api/mentor/cases/" + caseId + "/messages", Map.of("text", "Noch eine Frage")).statusCode());
            assertTrue(TestApp.json(p.mentor().get("/api/mentor/cases/" + caseId)).get("pseudonymisedPlanning").isNull());
            assertEquals(1, db.queryLong("SELECT count(*) FROM app_supervision_case WHERE snapshot_enc IS NULL"));

            // Twelve months after closing, retention deletes it.
            app.clock.advance(Duration.ofDays(364));
            p.operator().signIn("operator", "operator-secret-1");
            assertEquals(200, p.operator().post("/api/operator/retention-runs", "{}").statusCode());
            assertEquals(1, db.queryLong("SELECT count(*) FROM app_supervision_case"), "not yet: 364 days");
            app.clock.advance(Duration.ofDays(2));
            p.operator().signIn("operator", "operator-secret-1");
            HttpResponse<String> run = p.operator().post("/api/operator/retention-runs", "{}");
            assertEquals(200, run.statusCode(), run.body());
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_supervision_case"), run.body());
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_supervision_message"));
        }
    }

    @DatabaseTest
    void revocation_restriction_and_erasure_delete_her_cases_and_withdrawn_rights_close_them(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            People p = people(app, "smoff-time-mentor");
            String first = openCase(p, QUESTION);
            JsonNode read = TestApp.json(p.supervisor().get("/api/supervisor/cases/" + first));
            assertTrue(read.get("pseudonymisedPlanning").has("smoffTime"));
            assertFalse(read.get("pseudonymisedPlanning").has("plans"), "a Smoff-Time mentor's case holds no plans: only what the grant allows");

            // Revoking the mentor's grant deletes the cases she opened about her.
            String grantId = TestApp.json(p.mentee().get("/api/me/mentors")).get("mentors").get(0).get("id").asText();
            assertEquals(200, p.mentee().delete("/api/me/mentors/" + grantId).statusCode());
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_supervision_case"));
            assertEquals(404, p.supervisor().get("/api/supervisor/cases/" + first).statusCode());
            assertEquals(403, p.mentor().post("/api/mentor/cases", Map.of("mentee", p.menteeId(), "supervisor", "sven", "question", QUESTION))
                    .statusCode(), "no grant, no case");

            // Restriction (Art. 18) deletes them, and no case is opened while it holds.
            assertEquals(201, p.mentee().post("/api/me/mentors", Map.of("mentor", "mona", "scope", "mentor")).statusCode());
            openCase(p, QUESTION);
            assertEquals(200, p.mentee().post("/api/me/restriction", Map.of("reason", "ich prüfe etwas")).statusCode());
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_supervision_case"));
            assertEquals(403, p.mentor().post("/api/mentor/cases", Map.of("mentee", p.menteeId(), "supervisor", "sven", "question", QUESTION))
                    .statusCode());
            assertEquals(200, p.mentee().delete("/api/me/restriction").statusCode());

            // Withdrawing supervisor rights closes the supervisor's open cases.
            String third = openCase(p, QUESTION);
            assertEquals(200, p.operator().delete("/api/operator/supervisors/" + p.supervisorId()).statusCode());
            JsonNode closed = TestApp.json(p.mentor().get("/api/mentor/cases/" + third));
            assertEquals("closed", closed.get("status").asText());
            assertEquals("supervisor-rights-withdrawn", closed.get("closeReason").asText());
            assertEquals(403, p.supervisor().get("/api/supervisor/cases").statusCode());
            assertEquals(200, p.operator().put("/api/operator/supervisors/" + p.supervisorId()).statusCode());

            // Erasure of the mentee deletes every case about her.
            openCase(p, QUESTION);
            assertEquals(2, db.queryLong("SELECT count(*) FROM app_supervision_case"));
            HttpResponse<String> erased = p.mentee().delete("/api/me", Map.of("password", "correct horse 60"));
            assertEquals(200, erased.statusCode(), erased.body());
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_supervision_case"));
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_supervision_message"));
        }
    }

    private static void conforms(OpenApiContract contract, String method, String path, HttpResponse<String> response) {
        List<String> problems = contract.problems(method, path, response);
        assertTrue(problems.isEmpty(), method + " " + path + " -> " + response.statusCode() + ": " + problems + "\n" + response.body());
    }

    /** Every text entry of a ZIP, one after the other. */
    private static String zipText(byte[] zip) throws IOException {
        StringBuilder text = new StringBuilder();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().endsWith(".json") || entry.getName().endsWith(".jsonl") || entry.getName().endsWith(".html")) {
                    text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
                }
            }
        }
        return text.toString();
    }
}
