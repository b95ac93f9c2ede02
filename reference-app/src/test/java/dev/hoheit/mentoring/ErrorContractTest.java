package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The error contract over real HTTP: a stable code (and its values) in every error, and every problem of a form at once. */
class ErrorContractTest {

    @DatabaseTest
    void a_registration_with_several_bad_fields_gets_all_problems_at_once(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client browser = app.client();
            HttpResponse<String> response = browser.post("/api/accounts", Map.of("nickname", "a!", "password", "short",
                    "email", "not-an-address", "consents", Map.of("privacy-policy", true, "terms-mentee", false, "product-news", false)));
            assertEquals(422, response.statusCode(), response.body());
            JsonNode body = TestApp.json(response);
            assertEquals("unprocessable", body.get("error").asText());
            assertEquals("fields_invalid", body.get("code").asText());
            assertEquals(List.of("nickname:nickname_invalid", "password:password_length", "email:email_invalid",
                    "consents.research-anonymised:consent_undecided", "consents.terms-mentee:consent_required"), problems(body));
            JsonNode nickname = body.get("fields").get(0).get("params");
            assertEquals(3, nickname.get("min").asInt());
            assertEquals(40, nickname.get("max").asInt());
            assertEquals(10, body.get("fields").get(1).get("params").get("min").asInt());
            assertEquals(1, db.queryLong("SELECT count(*) FROM app_account"), "nothing was created: only the operator exists");
        }
    }

    @DatabaseTest
    void one_problem_keeps_its_own_status_and_code_and_names_its_field(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client browser = app.client();
            assertEquals(201, browser.register("dora", "correct horse 5").statusCode());
            HttpResponse<String> taken = browser.register("Dora", "correct horse 6");
            assertEquals(409, taken.statusCode());
            JsonNode body = TestApp.json(taken);
            assertEquals("conflict", body.get("error").asText());
            assertEquals("nickname_taken", body.get("code").asText());
            assertEquals(List.of("nickname:nickname_taken"), problems(body));
            assertFalse(body.get("message").asText().isBlank(), "an English message for developers");

            HttpResponse<String> weak = browser.register("emil", "password123");
            assertEquals(400, weak.statusCode());
            JsonNode weakBody = TestApp.json(weak);
            assertEquals("weak_password", weakBody.get("error").asText());
            assertEquals("password_guessable", weakBody.get("code").asText());
            assertEquals(List.of("password:password_guessable"), problems(weakBody));
            assertTrue(weakBody.get("explanation").get("de").asText().contains("zu leicht zu erraten"), "the explanation stays");
        }
    }

    @DatabaseTest
    void sign_in_csrf_and_unknown_paths_answer_with_their_own_code(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            app.client().register("fritz", "correct horse 7"); // registering signs that browser in; this one is a new one
            TestApp.Client browser = app.client();
            HttpResponse<String> wrong = browser.signIn("fritz", "wrong password here");
            assertEquals(401, wrong.statusCode());
            assertEquals("unauthenticated", TestApp.json(wrong).get("error").asText());
            assertEquals("wrong_credentials", TestApp.json(wrong).get("code").asText());
            assertEquals(401, browser.get("/api/me").statusCode());
            assertEquals("sign_in_required", TestApp.json(browser.get("/api/me")).get("code").asText());
            assertEquals(200, browser.signIn("fritz", "correct horse 7").statusCode());
            String token = browser.csrf;
            browser.csrf = "forged";
            HttpResponse<String> forged = browser.delete("/api/session");
            assertEquals(403, forged.statusCode());
            assertEquals("csrf_token_invalid", TestApp.json(forged).get("code").asText());
            browser.csrf = token;
            assertEquals("not_found", TestApp.json(browser.get("/api/nothing-here")).get("code").asText());
            HttpResponse<String> malformed = browser.post("/api/me/smoff-sessions", "{\"kind\": ");
            assertEquals("body_malformed", TestApp.json(malformed).get("code").asText());
        }
    }

    @DatabaseTest
    void a_smoff_time_entry_with_several_bad_fields_gets_all_problems_with_their_values(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client browser = app.client();
            browser.register("greta", "correct horse 8");
            browser.signIn("greta", "correct horse 8");
            HttpResponse<String> response = browser.post("/api/me/smoff-sessions", Map.of("kind", "decade", "date", "yesterday",
                    "minutes", 0, "note", "x".repeat(2001)));
            assertEquals(422, response.statusCode(), response.body());
            JsonNode body = TestApp.json(response);
            assertEquals("fields_invalid", body.get("code").asText());
            assertEquals(List.of("kind:smoff_time_kind_invalid", "date:date_invalid", "minutes:smoff_time_minutes_out_of_range",
                    "note:note_too_long"), problems(body));
            assertEquals(600, body.get("fields").get(2).get("params").get("max").asInt());
            HttpResponse<String> one = browser.post("/api/me/smoff-sessions", Map.of("kind", "day", "date", "2026-03-01", "minutes", 601));
            assertEquals(422, one.statusCode());
            assertEquals("smoff_time_minutes_out_of_range", TestApp.json(one).get("code").asText());
            assertEquals(1, TestApp.json(one).get("params").get("min").asInt());
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_smoff_session"));
        }
    }

    @DatabaseTest
    void a_plan_and_a_new_password_name_their_fields(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client browser = app.client();
            browser.register("hanna", "correct horse 9");
            browser.signIn("hanna", "correct horse 9");
            HttpResponse<String> plan = browser.put("/api/me/plans/week/2026-W99", Map.of("text", ""));
            assertEquals(422, plan.statusCode(), plan.body());
            JsonNode body = TestApp.json(plan);
            assertEquals("fields_invalid", body.get("code").asText());
            assertEquals(List.of("period:plan_period_invalid", "text:plan_text_length"), problems(body));
            assertEquals("week", body.get("fields").get(0).get("params").get("kind").asText());
            HttpResponse<String> weak = browser.post("/api/me/password", Map.of("currentPassword", "correct horse 9", "newPassword", "hanna"));
            assertEquals(400, weak.statusCode(), weak.body());
            assertEquals(List.of("newPassword:password_length"), problems(TestApp.json(weak)));
        }
    }

    private static List<String> problems(JsonNode body) {
        List<String> problems = new ArrayList<>();
        for (JsonNode field : body.path("fields")) {
            problems.add(field.get("field").asText() + ":" + field.get("code").asText());
        }
        return problems;
    }
}
