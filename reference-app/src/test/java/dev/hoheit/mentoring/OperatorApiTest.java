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
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the operator sees of what it administers (accounts, assignments, courses, employments), and
 * the auditor's runs and checkpoints, through HTTP: only the fields administration needs, and only
 * for the roles the API names.
 */
class OperatorApiTest {

    private static final String OPERATOR_PASSWORD = "operator-secret-1";

    @DatabaseTest
    void only_the_operator_starts_a_retention_run_and_it_is_listed_and_logged(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client operator = app.client();
            operator.signIn("operator", OPERATOR_PASSWORD);
            assertEquals(201, operator.post("/api/operator/accounts", Map.of("nickname", "ute", "password", "correct horse 60",
                    "role", "auditor")).statusCode());
            TestApp.Client auditor = app.client();
            auditor.signIn("ute", "correct horse 60");
            assertEquals(403, auditor.post("/api/operator/retention-runs", "").statusCode(), "auditors look, they do not act");

            HttpResponse<String> started = operator.post("/api/operator/retention-runs", "");
            assertEquals(200, started.statusCode(), started.body());
            JsonNode run = TestApp.json(started);
            assertEquals("MANUAL", run.get("trigger").asText());
            assertEquals("SUCCEEDED", run.get("outcome").asText());
            assertTrue(run.get("steps").size() > 0, "a step per store and rule: " + run);
            assertTrue(TestApp.json(auditor.get("/api/auditor/retention-runs")).get("runs").findValuesAsText("runId")
                    .contains(run.get("runId").asText()), "the auditor sees it in the list");
            app.app.flushAudit();
            assertTrue(TestApp.json(operator.get("/api/me/activity")).toString().contains("\"what\":\"retention-run\""),
                    "the operator's own log shows the run he started");
        }
    }

    @DatabaseTest
    void the_operator_finds_accounts_by_nickname_and_role_with_nothing_but_nickname_roles_and_creation(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            for (String nickname : List.of("anna", "anton", "bert")) {
                app.client().post("/api/accounts", Map.of("nickname", nickname, "password", "correct horse 40", "email", nickname + "@example.org",
                        "consents", Map.of("privacy-policy", true, "terms-mentee", true, "research-anonymised", false, "product-news", false)));
            }
            TestApp.Client operator = app.client();
            operator.signIn("operator", OPERATOR_PASSWORD);
            operator.post("/api/operator/accounts", Map.of("nickname", "firma_an", "password", "correct horse 41", "role", "employer"));
            operator.post("/api/operator/accounts", Map.of("nickname", "mia", "password", "correct horse 42", "role", "mentor"));

            JsonNode found = TestApp.json(operator.get("/api/operator/accounts?q=AN"));
            assertEquals(List.of("anna", "anton", "firma_an"), found.get("accounts").findValuesAsText("nickname"), "a part of the nickname, any case");
            assertEquals(Set.of("id", "nickname", "roles", "createdAt"), fields(found.get("accounts").get(0)), "no e-mail address, no content");
            assertFalse(found.toString().contains("example.org"));
            assertFalse(found.get("more").asBoolean());
            assertEquals(List.of("mentee"), names(found.get("accounts").get(0).get("roles")));
            assertEquals(List.of("mia"), TestApp.json(operator.get("/api/operator/accounts?role=mentor")).get("accounts").findValuesAsText("nickname"));
            assertEquals(List.of("firma_an"), TestApp.json(operator.get("/api/operator/accounts?q=_")).get("accounts")
                    .findValuesAsText("nickname"), "'_' is a character, not a wildcard");
            assertEquals(List.of("firma_an"), TestApp.json(operator.get("/api/operator/accounts?q=an&role=employer")).get("accounts")
                    .findValuesAsText("nickname"));
            assertEquals(0, TestApp.json(operator.get("/api/operator/accounts?q=%25")).get("accounts").size(), "'%' is a character too");

            JsonNode first = TestApp.json(operator.get("/api/operator/accounts?limit=2"));
            assertEquals(List.of("anna", "anton"), first.get("accounts").findValuesAsText("nickname"));
            assertTrue(first.get("more").asBoolean());
            JsonNode rest = TestApp.json(operator.get("/api/operator/accounts?limit=2&offset=4"));
            assertEquals(List.of("mia", "operator"), rest.get("accounts").findValuesAsText("nickname"));
            assertFalse(rest.get("more").asBoolean());
            for (String bad : List.of("limit=0", "limit=201", "limit=ten", "offset=-1", "role=king", "q=" + "x".repeat(41))) {
                assertEquals(400, operator.get("/api/operator/accounts?" + bad).statusCode(), bad);
            }
        }
    }

    @DatabaseTest
    void the_operator_sees_its_assignments_courses_and_employments_and_ends_an_employment(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client anna = app.client();
            anna.register("anna", "correct horse 43");
            anna.signIn("anna", "correct horse 43");
            app.client().register("anton", "correct horse 44");
            TestApp.Client bert = app.client();
            bert.register("bert", "correct horse 45");
            bert.signIn("bert", "correct horse 45");
            TestApp.Client operator = app.client();
            operator.signIn("operator", OPERATOR_PASSWORD);
            operator.post("/api/operator/accounts", Map.of("nickname", "mia", "password", "correct horse 46", "role", "mentor"));
            operator.post("/api/operator/accounts", Map.of("nickname", "firma", "password", "correct horse 47", "role", "employer"));
            TestApp.Client employer = app.client();
            employer.signIn("firma", "correct horse 47");

            assertEquals(0, TestApp.json(operator.get("/api/operator/courses")).get("courses").size());
            assertEquals(422, operator.post("/api/operator/courses", Map.of("name", "Falsch", "mentees", List.of("anna"), "mentor", "bert")).statusCode());
            assertEquals(0, TestApp.json(operator.get("/api/operator/courses")).get("courses").size(), "a refused mentor leaves no course behind");
            assertEquals(201, operator.post("/api/operator/courses", Map.of("name", "Grundkurs", "mentees", List.of("anton", "anna"),
                    "mentor", "mia", "scope", "mentor")).statusCode());
            assertEquals(201, operator.post("/api/operator/courses", Map.of("name", "Ohne Mentor", "mentees", List.of("bert"))).statusCode());
            JsonNode courses = TestApp.json(operator.get("/api/operator/courses")).get("courses");
            assertEquals(2, courses.size());
            JsonNode course = courses.findParents("name").stream().filter(c -> c.get("name").asText().equals("Grundkurs")).findFirst().orElseThrow();
            assertEquals(List.of("anna", "anton"), names(course.get("members")));
            assertEquals("mia", course.get("mentor").asText());
            assertEquals("mentor", course.get("scope").asText());
            JsonNode plain = courses.findParents("name").stream().filter(c -> c.get("name").asText().equals("Ohne Mentor")).findFirst().orElseThrow();
            assertTrue(plain.get("mentor").isNull());

            bert.post("/api/me/mentors", Map.of("mentor", "mia", "scope", "mentor")); // bert's own choice: not the operator's business
            assertEquals(201, operator.post("/api/operator/assignments", Map.of("mentee", "bert", "mentor", "mia", "scope", "smoff-time-mentor"))
                    .statusCode());
            String annaGrant = TestApp.json(anna.get("/api/me/mentors")).get("mentors").get(0).get("id").asText();
            anna.post("/api/me/mentors/" + annaGrant + "/accept", Map.of());
            JsonNode assignments = TestApp.json(operator.get("/api/operator/assignments")).get("assignments");
            assertEquals(3, assignments.size(), assignments.toString());
            assertEquals(Set.of("id", "mentee", "mentor", "scope", "status", "createdAt", "since"), fields(assignments.get(0)));
            Set<String> seen = new TreeSet<>();
            assignments.forEach(a -> seen.add(a.get("mentee").asText() + ">" + a.get("mentor").asText() + ":" + a.get("scope").asText()
                    + ":" + a.get("status").asText()));
            assertEquals(Set.of("anna>mia:mentor:active", "anton>mia:mentor:pending", "bert>mia:smoff-time-mentor:pending"), seen);

            assertEquals(201, operator.post("/api/operator/employments", Map.of("employee", "anna", "employer", "firma")).statusCode());
            JsonNode links = TestApp.json(operator.get("/api/operator/employments")).get("employments");
            assertEquals(1, links.size());
            JsonNode link = links.get(0);
            assertEquals("anna", link.get("employee").asText());
            assertEquals("firma", link.get("employer").asText());
            assertEquals(List.of("anna"), TestApp.json(employer.get("/api/employer/employees")).get("employees").findValuesAsText("nickname"));

            String path = "/api/operator/employments/" + link.get("employeeId").asText() + "/" + link.get("employerId").asText();
            assertEquals(403, employer.delete(path).statusCode(), "only the operator ends an employment");
            assertEquals(204, operator.delete(path).statusCode());
            assertEquals(404, operator.delete(path).statusCode(), "gone already");
            assertEquals(0, TestApp.json(operator.get("/api/operator/employments")).get("employments").size());
            assertEquals(0, TestApp.json(employer.get("/api/employer/employees")).get("employees").size());
            assertEquals(403, employer.get("/api/employer/employees/" + link.get("employeeId").asText() + "/assessment").statusCode(),
                    "the employer sees nothing any more");
        }
    }

    @DatabaseTest
    void a_deleted_mentor_is_gone_from_the_course_too(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            app.client().register("anna", "correct horse 48");
            TestApp.Client operator = app.client();
            operator.signIn("operator", OPERATOR_PASSWORD);
            operator.post("/api/operator/accounts", Map.of("nickname", "mia", "password", "correct horse 49", "role", "mentor"));
            operator.post("/api/operator/courses", Map.of("name", "Grundkurs", "mentees", List.of("anna"), "mentor", "mia"));
            TestApp.Client mia = app.client();
            mia.signIn("mia", "correct horse 49");
            assertEquals(200, mia.delete("/api/me", Map.of("password", mia.currentPassword("mia", "correct horse 49"))).statusCode());

            JsonNode course = TestApp.json(operator.get("/api/operator/courses")).get("courses").get(0);
            assertTrue(course.get("mentor").isNull(), "the mentor's id was erased with the account: " + course);
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_course WHERE mentor_id IS NOT NULL"));
        }
    }

    @DatabaseTest
    void only_the_operator_reads_what_it_administers(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client operator = app.client();
            operator.signIn("operator", OPERATOR_PASSWORD);
            TestApp.Client mentee = app.client();
            mentee.register("anna", "correct horse 50");
            mentee.signIn("anna", "correct horse 50");
            List<TestApp.Client> refused = new ArrayList<>(List.of(mentee));
            for (String role : List.of("mentor", "employer", "auditor")) {
                operator.post("/api/operator/accounts", Map.of("nickname", role + "-y", "password", "correct horse 51", "role", role));
                TestApp.Client client = app.client();
                client.signIn(role + "-y", "correct horse 51");
                refused.add(client);
            }
            for (String path : List.of("/api/operator/accounts", "/api/operator/accounts?q=anna", "/api/operator/assignments",
                    "/api/operator/courses", "/api/operator/employments")) {
                assertEquals(200, operator.get(path).statusCode(), path);
                assertEquals(401, app.client().get(path).statusCode(), "anonymous: " + path);
                for (TestApp.Client client : refused) {
                    HttpResponse<String> response = client.get(path);
                    assertEquals(403, response.statusCode(), path);
                    assertFalse(response.body().contains("anna\""), "nothing leaks in the refusal");
                }
            }
        }
    }

    @DatabaseTest
    void the_auditor_sees_each_runs_steps_and_seals_a_checkpoint_the_verifier_can_check(TestDatabase db) throws Exception {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client operator = app.client();
            operator.signIn("operator", OPERATOR_PASSWORD);
            operator.post("/api/operator/accounts", Map.of("nickname", "pruefer", "password", "correct horse 52", "role", "auditor"));
            TestApp.Client auditor = app.client();
            auditor.signIn("pruefer", "correct horse 52");
            TestApp.Client mentee = app.client();
            mentee.register("anna", "correct horse 53");
            mentee.signIn("anna", "correct horse 53");

            JsonNode run = firstRun(auditor);
            assertEquals("SCHEDULED", run.get("trigger").asText(), "the scheduler runs once at start");
            assertEquals("SUCCEEDED", run.get("outcome").asText());
            assertFalse(run.get("finishedAt").isNull());
            assertTrue(run.get("steps").size() > 0, run.toString());
            JsonNode step = run.get("steps").get(0);
            assertEquals(Set.of("category", "store", "action", "cutoff", "affected", "status"), fields(step));

            assertEquals(0, TestApp.json(auditor.get("/api/auditor/checkpoints")).get("checkpoints").size(), "none sealed yet");
            assertEquals(403, mentee.post("/api/auditor/checkpoints", "").statusCode());
            HttpResponse<String> sealed = auditor.post("/api/auditor/checkpoints", "");
            assertEquals(201, sealed.statusCode(), sealed.body());
            assertTrue(TestApp.json(sealed).get("signatureValid").asBoolean());
            long position = TestApp.json(sealed).get("seq").asLong();
            assertTrue(position > 0);
            assertEquals(201, operator.post("/api/auditor/checkpoints", "").statusCode(), "the operator may seal too");

            JsonNode checkpoints = TestApp.json(auditor.get("/api/auditor/checkpoints"));
            assertTrue(checkpoints.get("checkpoints").size() >= 1);
            assertEquals(position, checkpoints.get("checkpoints").get(0).get("seq").asLong());
            checkpoints.get("checkpoints").forEach(c -> assertTrue(c.get("signatureValid").asBoolean(), c.toString()));

            HttpResponse<String> pem = auditor.get("/api/auditor/checkpoints?format=pem");
            assertEquals(200, pem.statusCode());
            assertTrue(pem.headers().firstValue("Content-Type").orElseThrow().startsWith("application/x-pem-file"));
            assertEquals(checkpoints.get("publicKey").asText(), pem.body());
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                    .decode(pem.body().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""))));
            HttpResponse<String> vkey = auditor.get("/api/auditor/checkpoints?format=vkey");
            assertEquals(200, vkey.statusCode());
            assertTrue(vkey.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
            NoteVerifier logKey = NoteVerifier.parse(vkey.body().strip());
            assertEquals(checkpoints.get("verifierKey").asText(), logKey.verifierKey());
            assertEquals(checkpoints.get("origin").asText(), logKey.name(), "the log signs under its origin");
            assertEquals(key, logKey.publicKey(), "the PEM and the verifier key are the same key");
            HttpResponse<String> lines = auditor.get("/api/auditor/checkpoints?format=jsonl");
            assertEquals(200, lines.statusCode());
            assertTrue(lines.headers().firstValue("Content-Type").orElseThrow().startsWith("application/x-ndjson"));
            List<String> exported = lines.body().lines().toList();
            assertEquals(checkpoints.get("checkpoints").size(), exported.size());
            for (String line : exported) {
                assertTrue(Checkpoint.fromJson(line).signedBy(List.of(logKey)), "what the command-line verifier reads verifies: " + line);
            }
            HttpResponse<String> note = auditor.get("/api/auditor/checkpoints?format=note");
            assertEquals(200, note.statusCode());
            assertEquals("text/plain;charset=utf-8", note.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
            assertEquals(Checkpoint.fromJson(exported.get(exported.size() - 1)).note(), note.body(), "the newest checkpoint's note");
            assertEquals(400, auditor.get("/api/auditor/checkpoints?format=xml").statusCode());

            JsonNode report = TestApp.json(auditor.get("/api/auditor/verification"));
            assertTrue(report.get("ok").asBoolean(), report.toString());
            int compared = checkpoints.get("checkpoints").size() + 1; // the stored ones and the newest kept beside the keys
            assertTrue(report.get("checks").toString().contains(" " + compared + " checkpoints compared"),
                    "the sealed checkpoints are compared: " + report);
        }
    }

    private static JsonNode firstRun(TestApp.Client auditor) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            JsonNode runs = TestApp.json(auditor.get("/api/auditor/retention-runs")).get("runs");
            if (runs.size() > 0 && !runs.get(0).get("outcome").asText().equals("RUNNING")) {
                return runs.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no retention run finished");
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
