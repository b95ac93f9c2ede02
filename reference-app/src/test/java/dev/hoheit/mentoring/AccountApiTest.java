package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoheit.retention.CoverageCheck;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Registration, sign-in, sessions and the security baseline, over real HTTP. */
class AccountApiTest {

    @DatabaseTest
    void every_response_carries_the_security_headers(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            HttpResponse<String> health = app.client().get("/health");
            assertEquals(200, health.statusCode());
            assertEquals("ok", TestApp.json(health).get("status").asText());
            var headers = health.headers();
            assertTrue(headers.firstValue("Content-Security-Policy").orElseThrow().contains("script-src 'self'"));
            assertFalse(headers.firstValue("Content-Security-Policy").orElseThrow().contains("unsafe-inline"));
            assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElseThrow());
            assertEquals("DENY", headers.firstValue("X-Frame-Options").orElseThrow());
            assertEquals("no-referrer", headers.firstValue("Referrer-Policy").orElseThrow());
            assertEquals("no-store", headers.firstValue("Cache-Control").orElseThrow());
            assertTrue(headers.firstValue("Strict-Transport-Security").isEmpty(), "HSTS only behind TLS");
            HttpResponse<String> missing = app.client().get("/api/nothing-here");
            assertEquals(404, missing.statusCode());
            assertEquals("not_found", TestApp.json(missing).get("error").asText());
            assertTrue(missing.headers().firstValue("Content-Security-Policy").isPresent());
        }
    }

    @DatabaseTest
    void the_notices_differ_per_role_and_language(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            JsonNode mentee = TestApp.json(app.client().get("/api/notices?role=mentee"));
            List<String> purposes = mentee.get("notices").findValuesAsText("purpose");
            assertEquals(List.of("privacy-policy", "product-news", "research-anonymised", "terms-mentee"), purposes);
            assertTrue(mentee.get("notices").get(0).get("text").asText().contains("widerrufen"), "German by default, with how to withdraw");
            assertEquals("Ohne diese Einwilligung kann kein Konto angelegt werden.", mentee.get("notices").get(0).get("refusing").asText(),
                    "what refusing means, in the same language");
            JsonNode mentor = TestApp.json(app.client().get("/api/notices?role=mentor&lang=en"));
            assertTrue(mentor.get("notices").findValuesAsText("purpose").contains("terms-mentor"));
            assertFalse(mentor.get("notices").findValuesAsText("purpose").contains("terms-mentee"), "R27: mentor terms differ");
            assertTrue(mentor.get("notices").get(0).get("text").asText().contains("withdraw"));
            assertEquals(400, app.client().get("/api/notices?role=wizard").statusCode());
        }
    }

    @DatabaseTest
    void registration_records_every_decision_and_needs_the_required_ones(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client browser = app.client();
            HttpResponse<String> undecided = browser.post("/api/accounts", Map.of("nickname", "anna", "password", "correct horse 1",
                    "consents", Map.of("privacy-policy", true, "terms-mentee", true)));
            assertEquals(422, undecided.statusCode());
            assertTrue(TestApp.json(undecided).get("message").asText().contains("product-news"));
            HttpResponse<String> refused = browser.post("/api/accounts", Map.of("nickname", "anna", "password", "correct horse 1",
                    "consents", Map.of("privacy-policy", true, "terms-mentee", false, "research-anonymised", false, "product-news", false)));
            assertEquals(422, refused.statusCode());
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_account WHERE nickname = 'anna'"), "nothing half-written");

            HttpResponse<String> created = browser.register("anna", "correct horse 1");
            assertEquals(201, created.statusCode(), created.body());
            String id = TestApp.json(created).get("id").asText();
            assertEquals(List.of("mentee"), TestApp.json(created).get("roles").findValuesAsText("roles").isEmpty()
                    ? List.of(TestApp.json(created).get("roles").get(0).asText()) : List.of());
            assertEquals(4, db.queryLong("SELECT count(*) FROM consent_decision WHERE subject_id = ?", id));
            assertEquals(2, db.queryLong("SELECT count(*) FROM consent_decision WHERE subject_id = ? AND choice = 'REFUSED'", id),
                    "R17: refusals are recorded too");
            assertTrue(((String) db.rows("SELECT password_hash FROM app_account WHERE account_id = ?", id).get(0)
                    .get("password_hash")).startsWith("$argon2id$v=19$"));
            assertEquals(409, browser.register("ANNA", "another password").statusCode(), "nicknames are unique, case-insensitively");
        }
    }

    @DatabaseTest
    void an_account_given_a_role_later_decides_that_roles_notices(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client operator = app.client();
            operator.signIn("operator", "operator-secret-1");
            assertEquals(201, operator.post("/api/operator/accounts", Map.of("nickname", "ada", "password", "correct horse 40",
                    "role", "mentor")).statusCode());
            TestApp.Client ada = app.client();
            ada.signInOnly("ada", "correct horse 40");
            HttpResponse<String> refusedRole = ada.get("/api/mentees");
            assertEquals(403, refusedRole.statusCode(), "no mentor endpoint before the mentor terms are accepted");
            assertTrue(refusedRole.body().contains("first accept the terms of your role") && refusedRole.body().contains("terms-mentor"),
                    refusedRole.body());
            JsonNode toGive = TestApp.json(ada.get("/api/me")).get("consentsToGive");
            assertTrue(toGive.toString().contains("terms-mentor") && toGive.toString().contains("privacy-policy"), toGive.toString());

            // Saying no to an optional one never asked before is a refusal, as at registration (R17).
            HttpResponse<String> refused = ada.post("/api/me/consents", Map.of("purpose", "product-news", "granted", false));
            assertEquals(200, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("\"purpose\":\"product-news\",\"title\""), refused.body());
            assertEquals("refused", status(TestApp.json(refused), "product-news"));

            // A required one cannot be refused here: it would leave an account that may not use its role.
            HttpResponse<String> required = ada.post("/api/me/consents", Map.of("purpose", "terms-mentor", "granted", false, "confirm", true));
            assertEquals(409, required.statusCode(), required.body());
            assertTrue(required.body().contains("required for your role"), required.body());
            assertEquals(1, db.queryLong("SELECT count(*) FROM app_account WHERE nickname = 'ada'"), "nothing was deleted");

            // A mentor account is a mentee too: it decides the mentee's notices as well.
            assertTrue(toGive.toString().contains("terms-mentee"), toGive.toString());
            for (String purpose : List.of("terms-mentor", "terms-mentee", "privacy-policy")) {
                assertEquals(200, ada.post("/api/me/consents", Map.of("purpose", purpose, "granted", true, "language", "en")).statusCode());
            }
            assertEquals(200, ada.post("/api/me/consents", Map.of("purpose", "research-anonymised", "granted", false)).statusCode());
            assertEquals(0, TestApp.json(ada.get("/api/me")).get("consentsToGive").size(), "every notice of the role decided");
            assertEquals(200, ada.get("/api/mentees").statusCode(), "now the mentor endpoints answer");
        }
    }

    private static String status(JsonNode consents, String purpose) {
        for (JsonNode consent : consents.get("consents")) {
            if (consent.get("purpose").asText().equals(purpose)) {
                return consent.get("status").asText();
            }
        }
        return "missing";
    }

    @DatabaseTest
    void bad_requests_get_clear_errors_and_change_nothing(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client browser = app.client();
            HttpResponse<String> malformed = browser.post("/api/accounts", "{\"nickname\": ");
            assertEquals(400, malformed.statusCode());
            assertTrue(TestApp.json(malformed).get("message").asText().startsWith("malformed JSON"));
            HttpResponse<String> unknown = browser.post("/api/accounts", "{\"nickname\":\"x\",\"admin\":true}");
            assertEquals(400, unknown.statusCode());
            HttpResponse<String> form = browser.send(HttpRequest.newBuilder(browser.base.resolve("/api/accounts"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("nickname=x")));
            assertEquals(415, form.statusCode());
            String huge = "{\"nickname\":\"" + "x".repeat(70_000) + "\"}";
            assertEquals(413, browser.post("/api/accounts", huge).statusCode());
            HttpResponse<String> badEmail = browser.post("/api/accounts", Map.of("nickname", "bert", "password", "long enough pw",
                    "email", "not-an-address", "consents", Map.of()));
            assertEquals(422, badEmail.statusCode());
            assertEquals(1, db.queryLong("SELECT count(*) FROM app_account"), "only the operator exists");
        }
    }

    @DatabaseTest
    void a_session_is_a_strict_http_only_session_cookie_guarded_by_csrf(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client browser = app.client();
            HttpResponse<String> registered = browser.register("carla", "correct horse 2");
            assertTrue(registered.headers().firstValue("Set-Cookie").orElseThrow().contains("HttpOnly"), "registering signs in");
            assertEquals("carla", TestApp.json(browser.get("/api/me")).get("nickname").asText());
            assertEquals(204, browser.delete("/api/session").statusCode());
            assertEquals(401, browser.get("/api/me").statusCode());
            browser.csrf = null;
            assertEquals(401, browser.signIn("carla", "wrong password").statusCode());

            HttpResponse<String> signedIn = browser.signIn("carla", "correct horse 2");
            assertEquals(200, signedIn.statusCode());
            String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"), cookie);
            assertFalse(cookie.contains("Max-Age") || cookie.contains("Expires"), "R30: a session cookie only");
            JsonNode me = TestApp.json(browser.get("/api/me"));
            assertEquals("carla", me.get("nickname").asText());
            assertEquals(0, me.get("consentsToGive").size());
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_session WHERE token_hash = ?",
                    cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'))), "only the hash of the token is stored");

            String token = browser.csrf;
            browser.csrf = "forged";
            HttpResponse<String> forged = browser.delete("/api/session");
            assertEquals(403, forged.statusCode());
            assertEquals(200, browser.get("/api/me").statusCode(), "a forged token changes nothing");
            browser.csrf = token;
            assertEquals(204, browser.delete("/api/session").statusCode());
            assertEquals(401, browser.get("/api/me").statusCode());
            app.app.flushAudit(); // appends reach audit_entry through the outbox, asynchronously
            assertTrue(db.queryLong("SELECT count(*) FROM audit_entry WHERE actor_tag IS NOT NULL") > 0, "the actions were logged");
        }
    }

    @DatabaseTest
    void guessing_passwords_is_throttled(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client attacker = app.client();
            attacker.register("dora", "correct horse 3");
            for (int i = 0; i < 5; i++) {
                assertEquals(401, attacker.signIn("dora", "guess " + i).statusCode());
            }
            HttpResponse<String> blocked = attacker.signIn("dora", "correct horse 3");
            assertEquals(429, blocked.statusCode());
            assertTrue(blocked.headers().firstValue("Retry-After").isPresent());
            app.clock.advance(java.time.Duration.ofMinutes(16));
            assertEquals(200, attacker.signIn("dora", "correct horse 3").statusCode());
        }
    }

    @DatabaseTest
    void the_throttle_is_shared_by_every_instance_and_stores_no_nickname(TestDatabase db) {
        try (TestApp first = new TestApp(db); TestApp second = new TestApp(db, first)) {
            TestApp.Client attacker = first.client();
            attacker.register("dora", "correct horse 3");
            TestApp.Client elsewhere = second.client();
            for (int i = 0; i < 5; i++) {
                // Guesses spread over two instances still add up.
                assertEquals(401, (i % 2 == 0 ? attacker : elsewhere).signIn("dora", "guess " + i).statusCode());
            }
            assertEquals(429, elsewhere.signIn("dora", "correct horse 3").statusCode(), "the second instance knows the first's failures");
            assertEquals(429, attacker.signIn("dora", "correct horse 3").statusCode());
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_login_throttle WHERE throttle_key LIKE '%dora%'"));
            assertEquals(2, db.queryLong("SELECT count(*) FROM app_login_throttle WHERE failures = 5 AND LENGTH(throttle_key) = 64"),
                    "a row for the nickname and one for the client address, each under an HMAC tag");

            first.clock.advance(java.time.Duration.ofMinutes(16));
            assertEquals(200, elsewhere.signIn("dora", "correct horse 3").statusCode(), "the block ends");
            first.clock.advance(java.time.Duration.ofMinutes(16));
            assertEquals(401, attacker.signIn("nobody", "guess").statusCode());
            assertEquals(2, db.queryLong("SELECT count(*) FROM app_login_throttle"), "old rows are deleted: only the new failure's two keys remain");
        }
    }

    @DatabaseTest
    void the_operator_exists_after_the_first_start_and_personal_data_is_covered(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client operator = app.client();
            HttpResponse<String> signedIn = operator.signInOnly("operator", "operator-secret-1");
            assertEquals(200, signedIn.statusCode(), signedIn.body());
            assertEquals("operator", TestApp.json(signedIn).get("roles").get(0).asText());
            assertTrue(TestApp.json(operator.get("/api/me")).get("consentsToGive").toString().contains("terms-organisation"),
                    "the operator is asked for the terms at first sign-in");
            CoverageCheck.of(db.dataSource()).check(app.app.retention().stores()).assertComplete();
            app.client().post("/api/accounts", Map.of("nickname", "erik", "password", "correct horse 4", "email", "erik@example.org",
                    "consents", Map.of("privacy-policy", true, "terms-mentee", true, "research-anonymised", true, "product-news", false)));
            for (Map<String, Object> row : db.rows("SELECT * FROM app_account")) {
                for (Object value : row.values()) {
                    String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value);
                    assertFalse(text.contains("erik@example.org"), "R31: the e-mail address is stored encrypted");
                }
            }
        }
    }

    @DatabaseTest
    void one_failed_attempt_does_not_block_the_next_even_on_a_clock_with_nanoseconds(TestDatabase db) {
        // The database keeps microseconds and rounds: an instant ending in ...999 ns used to come back as a
        // block a few nanoseconds long, and the next attempt on a clock that stands still got a 429.
        try (TestApp app = new TestApp(db, java.time.Instant.parse("2026-03-02T08:00:00.000000999Z"))) {
            TestApp.Client client = app.client();
            client.register("nano", "correct horse nano");
            assertEquals(401, client.signInOnly("nano", "wrong horse nano").statusCode());
            assertEquals(200, client.signInOnly("nano", "correct horse nano").statusCode(), "the first failure costs nothing");
            assertEquals(422, client.post("/api/me/mentors", java.util.Map.of("mentor", "nobody-here", "scope", "mentor")).statusCode());
            HttpResponse<String> again = client.post("/api/me/mentors", java.util.Map.of("mentor", "nobody-either", "scope", "mentor"));
            assertEquals(422, again.statusCode(), "nor does the first failed invitation: " + again.body());
        }
    }
}
