package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.util.List;
import java.util.Map;

/** Employers see assessments and nothing else (R8, R33); the employee sees exactly that first; courses. */
class OrganisationTest {

    @DatabaseTest
    void an_employer_sees_the_assessment_and_nothing_else(TestDatabase db) {
        // Ute's account is from January; her February planning lies within the assessment's 90 days.
        try (TestApp app = new TestApp(db, java.time.Instant.parse("2026-01-15T08:00:00Z"))) {
            TestApp.Client mentee = app.client();
            String menteeId = TestApp.json(mentee.register("ute", "correct horse 14")).get("id").asText();
            app.clock.set(java.time.Instant.parse("2026-03-02T08:00:00Z"));
            mentee.signIn("ute", "correct horse 14");
            for (int day = 1; day <= 20; day++) {
                mentee.post("/api/me/smoff-sessions", Map.of("kind", "day", "date", String.format("2026-02-%02d", day), "minutes", 6,
                        "note", "geheime Notiz " + day));
            }
            mentee.post("/api/me/smoff-sessions", Map.of("kind", "week", "date", "2026-02-23", "minutes", 40));

            TestApp.Client operator = app.client();
            operator.signIn("operator", "operator-secret-1");
            operator.post("/api/operator/accounts", Map.of("nickname", "firma", "password", "correct horse 15", "role", "employer"));
            TestApp.Client employer = app.client();
            employer.signIn("firma", "correct horse 15");
            assertEquals(403, employer.get("/api/employer/employees/" + menteeId + "/assessment").statusCode(), "no link yet");
            assertEquals(422, operator.post("/api/operator/employments", Map.of("employee", "ute", "employer", "ute")).statusCode());
            assertEquals(201, operator.post("/api/operator/employments", Map.of("employee", "ute", "employer", "firma")).statusCode());

            assertEquals(List.of("ute"), TestApp.json(employer.get("/api/employer/employees")).get("employees").findValuesAsText("nickname"));
            JsonNode assessment = TestApp.json(employer.get("/api/employer/employees/" + menteeId + "/assessment"));
            assertEquals(6.0, assessment.get("daily").get("averageMinutes").asDouble());
            assertEquals(1.0, assessment.get("daily").get("withinRecommendedDuration").asDouble());
            assertEquals(0.0, assessment.get("weekly").get("withinRecommendedDuration").asDouble(), "40 minutes is above 15-30");
            assertTrue(assessment.get("notice").asText().contains("no automated decision"), "R33");
            assertEquals("2026-01-15", assessment.get("period").get("from").asText(), "90 days back would be before her account");
            assertEquals(47, assessment.get("period").get("days").asInt());
            JsonNode month = TestApp.json(employer.get("/api/employer/employees/" + menteeId + "/assessment?days=30"));
            assertEquals(30, month.get("period").get("days").asInt(), "the period is the employer's choice");
            assertEquals(0.67, month.get("daily").get("regularity").asDouble(), "20 planned days of the last 30");
            for (String bad : List.of("3", "366", "ninety", "-1")) {
                assertEquals(400, employer.get("/api/employer/employees/" + menteeId + "/assessment?days=" + bad).statusCode(), bad);
            }
            assertFalse(assessment.toString().contains("geheime Notiz"), "no entry, no note");
            assertFalse(assessment.toString().contains("2026-02-05"), "no single date either");

            assertEquals(403, employer.get("/api/mentees/" + menteeId + "/smoff-sessions").statusCode());
            assertEquals(403, employer.get("/api/me/smoff-sessions").statusCode());
            assertEquals(403, employer.get("/api/mentees/" + menteeId + "/pictures").statusCode());

            JsonNode preview = TestApp.json(mentee.get("/api/me/employer-view"));
            assertEquals(List.of("firma"), List.of(preview.get("employers").get(0).asText()));
            assertEquals(assessment, preview.get("whatEmployersSee"), "the employee sees exactly what the employer sees");
            JsonNode views = TestApp.json(mentee.get("/api/me/access-log")).get("views");
            assertEquals("firma", views.get(0).get("who").asText());
            assertEquals("assessment", views.get(0).get("what").asText());
        }
    }

    @DatabaseTest
    void a_course_assigns_its_mentor_to_every_member_pending_their_acceptance(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client first = app.client();
            first.register("vera", "correct horse 16");
            first.signIn("vera", "correct horse 16");
            app.client().register("wim", "correct horse 17");
            TestApp.Client operator = app.client();
            operator.signIn("operator", "operator-secret-1");
            operator.post("/api/operator/accounts", Map.of("nickname", "xaver", "password", "correct horse 18", "role", "mentor"));

            JsonNode course = TestApp.json(operator.post("/api/operator/courses", Map.of("name", "Smoffen Grundkurs",
                    "mentees", List.of("vera", "wim"), "mentor", "xaver", "scope", "mentor")));
            assertEquals(2, course.get("members").asInt());
            assertEquals(2, course.get("mentorAssignments").asInt());
            JsonNode mine = TestApp.json(first.get("/api/me/mentors")).get("mentors").get(0);
            assertEquals("pending", mine.get("status").asText());
            assertEquals("xaver", mine.get("nickname").asText());
            assertEquals(List.of("Smoffen Grundkurs"), List.of(TestApp.json(first.get("/api/me/employer-view")).get("courses").get(0).asText()));
            assertEquals(422, operator.post("/api/operator/courses", Map.of("name", "Leer", "mentees", List.of())).statusCode());
            assertEquals(422, operator.post("/api/operator/courses", Map.of("name", "X", "mentees", List.of("nobody"))).statusCode());
        }
    }

    @DatabaseTest
    void the_demo_seeds_every_role_with_data(TestDatabase db) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("smoffen-demo");
        AppSettings settings = AppSettings.from(Map.of("HOHEIT_DATA_DIR", dir.toString(), "HOHEIT_PORT", "0", "HOHEIT_DEMO", "true"),
                new String[0]);
        try (SmoffenApp app = SmoffenApp.start(settings, db.dataSource(), java.time.Clock.systemUTC(),
                new dev.hoheit.mentoring.crypto.PasswordHasher(8_192, 1))) {
            assertTrue(app.demoSeeded());
            TestApp.Client mentor = new TestApp.Client(java.net.URI.create("http://127.0.0.1:" + app.port()));
            assertEquals(200, mentor.signIn("demo-mentor", DemoData.PASSWORD).statusCode());
            JsonNode mentees = TestApp.json(mentor.get("/api/mentees")).get("mentees");
            assertEquals("demo-mentee", mentees.get(0).get("nickname").asText());
            String menteeId = mentees.get(0).get("personId").asText();
            assertTrue(TestApp.json(mentor.get("/api/mentees/" + menteeId + "/smoff-sessions")).get("sessions").size() >= 10);
            TestApp.Client employer = new TestApp.Client(java.net.URI.create("http://127.0.0.1:" + app.port()));
            employer.signIn("demo-employer", DemoData.PASSWORD);
            assertTrue(TestApp.json(employer.get("/api/employer/employees/" + menteeId + "/assessment")).get("daily")
                    .get("regularity").asDouble() > 0.1, "eleven planned days out of ninety");
            TestApp.Client auditor = new TestApp.Client(java.net.URI.create("http://127.0.0.1:" + app.port()));
            auditor.signIn("demo-auditor", DemoData.PASSWORD);
            assertEquals(200, auditor.get("/api/auditor/verification").statusCode());
            assertTrue(TestApp.json(auditor.get("/api/auditor/checkpoints")).get("checkpoints").size() >= 1, "a sealed checkpoint");

            // Nobody meets the terms page: every demo account has decided its notices.
            java.net.URI base = java.net.URI.create("http://127.0.0.1:" + app.port());
            for (String nickname : List.of("demo-mentee", "demo-mentor", "demo-employer", "demo-auditor")) {
                TestApp.Client client = new TestApp.Client(base);
                assertEquals(200, client.signInOnly(nickname, DemoData.PASSWORD).statusCode());
                assertEquals(0, TestApp.json(client.get("/api/me")).get("consentsToGive").size(), nickname + " has terms to decide");
            }
            TestApp.Client mentee = new TestApp.Client(base);
            mentee.signInOnly("demo-mentee", DemoData.PASSWORD);
            assertEquals(2, TestApp.json(mentee.get("/api/me/pictures")).get("pictures").size(), "two pictures of paper plans");
            assertTrue(TestApp.json(mentee.get("/api/me/messages")).toString().contains("Wochenrückblick"), "the mentor's answer");
            String log = TestApp.json(mentee.get("/api/me/access-log")).toString();
            assertTrue(log.contains("smoff-sessions") && log.contains("plans"), "the mentor's views are in her access log: " + log);
            TestApp.Client operator = new TestApp.Client(base);
            operator.signIn("operator", new String(settings.operatorPassword().orElse(app.generatedOperatorPassword().orElseThrow())));
            assertTrue(TestApp.json(operator.get("/api/operator/courses")).toString().contains("Demo-Kurs"), "a course");
        }
    }
}
