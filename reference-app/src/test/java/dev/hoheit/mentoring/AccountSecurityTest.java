package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoheit.mentoring.crypto.PasswordHasher;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Password change, forced change, recovery and reset codes, sessions and the password policy, over real HTTP. */
class AccountSecurityTest {

    private static final String PASSWORD = "correct horse 80";
    private static final String NEW_PASSWORD = "purple otter violin 7";

    @DatabaseTest
    void changing_the_password_needs_the_current_one_and_ends_every_other_session(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client laptop = app.client();
            laptop.register("ronja", PASSWORD); // signs the laptop in
            TestApp.Client phone = app.client();
            phone.signIn("ronja", PASSWORD);
            assertEquals(200, phone.get("/api/me").statusCode());

            HttpResponse<String> wrong = laptop.post("/api/me/password", Map.of("currentPassword", "not my password", "newPassword", NEW_PASSWORD));
            assertEquals(403, wrong.statusCode(), wrong.body());
            assertTrue(wrong.body().contains("current password is wrong"), wrong.body());
            assertEquals(200, phone.get("/api/me").statusCode(), "a refused change ends nothing");
            assertEquals(400, laptop.post("/api/me/password", Map.of("currentPassword", PASSWORD, "newPassword", PASSWORD)).statusCode(),
                    "the new password differs from the current one");

            HttpResponse<String> changed = laptop.post("/api/me/password", Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD));
            assertEquals(200, changed.statusCode(), changed.body());
            assertEquals(1, TestApp.json(changed).get("otherSessionsEnded").asInt());
            assertEquals(401, phone.get("/api/me").statusCode(), "the other session ended");
            assertEquals(200, laptop.get("/api/me").statusCode(), "this one goes on");
            assertEquals(401, app.client().signIn("ronja", PASSWORD).statusCode(), "the old password no longer works");
            assertEquals(200, app.client().signIn("ronja", NEW_PASSWORD).statusCode());
            JsonNode activity = TestApp.json(laptop.get("/api/me/activity"));
            assertTrue(activity.toString().contains("\"action\":\"update\",\"what\":\"password\",\"outcome\":\"allowed\""), activity.toString());
            assertTrue(activity.toString().contains("\"action\":\"update\",\"what\":\"password\",\"outcome\":\"denied\""),
                    "the refused attempt is in her activity too: " + activity);
        }
    }

    @DatabaseTest
    void an_operator_issued_password_must_be_changed_before_anything_else(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client operator = app.client();
            operator.signIn("operator", "operator-secret-1");
            assertEquals(201, operator.post("/api/operator/accounts", Map.of("nickname", "mona", "password", PASSWORD, "role", "mentor")).statusCode());
            TestApp.Client mona = app.client();
            HttpResponse<String> signedIn = mona.post("/api/session", Map.of("nickname", "mona", "password", PASSWORD));
            assertEquals(200, signedIn.statusCode());
            assertTrue(TestApp.json(signedIn).get("passwordChangeRequired").asBoolean());
            mona.csrf = TestApp.json(signedIn).get("csrfToken").asText();
            for (String path : List.of("/api/mentees", "/api/me/consents", "/api/me/data", "/api/me/sessions", "/api/me/activity")) {
                HttpResponse<String> blocked = mona.get(path);
                assertEquals(403, blocked.statusCode(), path);
                assertTrue(TestApp.json(blocked).get("passwordChangeRequired").asBoolean(), blocked.body());
                assertTrue(blocked.body().contains("POST /api/me/password"), "names the step: " + blocked.body());
            }
            assertEquals(403, mona.post("/api/me/consents", Map.of("purpose", "terms-mentor", "granted", true)).statusCode());
            assertTrue(TestApp.json(mona.get("/api/me")).get("passwordChangeRequired").asBoolean(), "the console learns it from /api/me");
            assertEquals(400, mona.post("/api/me/password", Map.of("currentPassword", PASSWORD, "newPassword", PASSWORD)).statusCode(),
                    "the operator's password cannot be kept");
            assertEquals(200, mona.post("/api/me/password", Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD)).statusCode());
            assertFalse(TestApp.json(mona.get("/api/me")).get("passwordChangeRequired").asBoolean());
            assertEquals(200, mona.get("/api/me/consents").statusCode(), "now the account works");
            assertEquals(401, app.client().post("/api/session", Map.of("nickname", "mona", "password", PASSWORD)).statusCode(),
                    "the operator can no longer sign in as her");
        }
    }

    @DatabaseTest
    void a_recovery_code_sets_a_new_password_once_and_never_again(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client browser = app.client();
            HttpResponse<String> created = browser.register("ilse", PASSWORD);
            JsonNode codes = TestApp.json(created).get("recoveryCodes");
            assertEquals(10, codes.size(), "shown once at registration");
            assertTrue(codes.get(0).asText().matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){5}"), codes.get(0).asText());
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_account_code WHERE code_hash = ?", codes.get(0).asText()),
                    "only hashes are stored");
            TestApp.Client other = app.client();
            other.signIn("ilse", PASSWORD);

            String code = codes.get(3).asText().toLowerCase(java.util.Locale.ROOT).replace("-", " ");
            HttpResponse<String> weak = browser.post("/api/password-reset", Map.of("nickname", "ilse", "code", code, "newPassword", "password123"));
            assertEquals(400, weak.statusCode(), weak.body());
            HttpResponse<String> reset = browser.post("/api/password-reset", Map.of("nickname", "ilse", "code", code, "newPassword", NEW_PASSWORD));
            assertEquals(200, reset.statusCode(), "a refused weak password did not use up the code: " + reset.body());
            assertEquals(9, TestApp.json(reset).get("recoveryCodesLeft").asInt());
            assertEquals(401, other.get("/api/me").statusCode(), "every session ended");
            assertEquals(200, app.client().signIn("ilse", NEW_PASSWORD).statusCode());

            HttpResponse<String> again = browser.post("/api/password-reset", Map.of("nickname", "ilse", "code", code, "newPassword", "another fine password 2"));
            assertEquals(401, again.statusCode(), "a code works once");
            assertEquals(401, browser.post("/api/password-reset", Map.of("nickname", "nobody", "code", codes.get(4).asText(),
                    "newPassword", "another fine password 2")).statusCode(), "codes belong to their account");

            TestApp.Client ilse = app.client();
            ilse.signIn("ilse", NEW_PASSWORD);
            JsonNode status = TestApp.json(ilse.get("/api/me/recovery-codes"));
            assertEquals(9, status.get("recoveryCodesLeft").asInt());
            assertEquals(1, status.get("recoveryCodesUsed").size(), "she sees when a code was used");
            assertTrue(TestApp.json(ilse.get("/api/me/activity")).toString().contains("\"what\":\"password\""));

            assertEquals(403, ilse.post("/api/me/recovery-codes", Map.of("currentPassword", "wrong password")).statusCode());
            HttpResponse<String> fresh = ilse.post("/api/me/recovery-codes", Map.of("currentPassword", NEW_PASSWORD));
            assertEquals(201, fresh.statusCode(), fresh.body());
            assertNotEquals(codes.get(5).asText(), TestApp.json(fresh).get("recoveryCodes").get(5).asText());
            assertEquals(401, browser.post("/api/password-reset", Map.of("nickname", "ilse", "code", codes.get(5).asText(),
                    "newPassword", "another fine password 2")).statusCode(), "the old set stopped working");
            assertEquals(10, TestApp.json(ilse.get("/api/me/recovery-codes")).get("recoveryCodesLeft").asInt());
        }
    }

    @DatabaseTest
    void wrong_codes_are_throttled_like_sign_ins(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client browser = app.client();
            browser.register("kurt", PASSWORD);
            int status = 0;
            for (int i = 0; i < 7; i++) {
                status = browser.post("/api/password-reset", Map.of("nickname", "kurt", "code", "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA",
                        "newPassword", NEW_PASSWORD)).statusCode();
            }
            assertEquals(429, status);
            assertEquals(429, browser.post("/api/session", Map.of("nickname", "kurt", "password", PASSWORD)).statusCode(),
                    "the same counter as sign-in");
        }
    }

    @DatabaseTest
    void an_operator_reset_code_works_once_and_expires_after_a_day(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client browser = app.client();
            String id = TestApp.json(browser.register("hedi", PASSWORD)).get("id").asText();
            TestApp.Client operator = app.client();
            operator.signIn("operator", "operator-secret-1");
            HttpResponse<String> issued = operator.post("/api/operator/accounts/" + id + "/reset-code", "{}");
            assertEquals(201, issued.statusCode(), issued.body());
            String code = TestApp.json(issued).get("code").asText();
            assertEquals("2026-03-03T08:00:00Z", TestApp.json(issued).get("expiresAt").asText());
            assertEquals(404, operator.post("/api/operator/accounts/" + java.util.UUID.randomUUID() + "/reset-code", "{}").statusCode());

            assertEquals(200, browser.post("/api/password-reset", Map.of("nickname", "hedi", "code", code, "newPassword", NEW_PASSWORD)).statusCode());
            assertEquals(401, browser.post("/api/password-reset", Map.of("nickname", "hedi", "code", code, "newPassword", "another fine password 2"))
                    .statusCode(), "single use");
            TestApp.Client hedi = app.client();
            assertEquals(200, hedi.signIn("hedi", NEW_PASSWORD).statusCode());
            JsonNode resets = TestApp.json(hedi.get("/api/me/recovery-codes")).get("resetCodes");
            assertEquals(1, resets.size(), "she sees that the operator issued one, and when it was used");
            assertFalse(resets.get(0).get("usedAt").isNull());

            String late = TestApp.json(operator.post("/api/operator/accounts/" + id + "/reset-code", "{}")).get("code").asText();
            app.clock.advance(Duration.ofHours(24));
            assertEquals(401, browser.post("/api/password-reset", Map.of("nickname", "hedi", "code", late, "newPassword", "another fine password 2"))
                    .statusCode(), "expired after 24 hours");
        }
    }

    @DatabaseTest
    void my_sessions_are_listed_and_capped(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            app.client().register("lotta", PASSWORD);
            List<TestApp.Client> devices = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                TestApp.Client device = app.client();
                HttpResponse<String> signedIn = device.send(device.withCsrf(HttpRequest.newBuilder(device.base.resolve("/api/session")).header("Content-Type", "application/json")
                        .header("User-Agent", "Device " + i).POST(HttpRequest.BodyPublishers.ofString(
                                TestApp.write(Map.of("nickname", "lotta", "password", PASSWORD))))));
                device.csrf = TestApp.json(signedIn).get("csrfToken").asText();
                devices.add(device);
            }
            assertEquals(401, devices.get(0).get("/api/me").statusCode(), "the 11th sign-in ended the oldest session: "
                    + db.rows("SELECT session_seq, user_agent FROM app_session"));
            assertEquals(200, devices.get(1).get("/api/me").statusCode());
            TestApp.Client last = devices.get(10);
            last.signIn("lotta", PASSWORD); // the 12th ends device 1
            assertEquals(401, devices.get(1).get("/api/me").statusCode());
            JsonNode sessions = TestApp.json(last.get("/api/me/sessions")).get("sessions");
            assertEquals(10, sessions.size());
            assertTrue(sessions.get(0).get("current").asBoolean(), "the newest, mine, first");
            assertEquals("Device 10", sessions.get(1).get("userAgent").asText(), "its earlier session in the same browser");
            assertEquals("Device 9", sessions.get(2).get("userAgent").asText());
            assertEquals("2026-03-02T08:00:00Z", sessions.get(2).get("createdAt").asText());
            assertFalse(sessions.toString().contains("token"), "no token or hash leaves the server");

            String device9 = sessions.get(2).get("id").asText();
            assertEquals(204, last.delete("/api/me/sessions/" + device9).statusCode());
            assertEquals(401, devices.get(9).get("/api/me").statusCode(), "that one session ended");
            assertEquals(200, devices.get(8).get("/api/me").statusCode());
            assertEquals(404, last.delete("/api/me/sessions/" + device9).statusCode());

            HttpResponse<String> others = last.delete("/api/me/sessions");
            assertEquals(200, others.statusCode(), others.body());
            assertEquals(8, TestApp.json(others).get("ended").asInt());
            assertEquals(401, devices.get(8).get("/api/me").statusCode(), "signed out everywhere else");
            assertEquals(1, TestApp.json(last.get("/api/me/sessions")).get("sessions").size());
            assertEquals(200, last.get("/api/me").statusCode());
        }
    }

    @DatabaseTest
    void common_passwords_are_refused_in_plain_words(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client browser = app.client();
            HttpResponse<String> refused = browser.register("nora", "password123");
            assertEquals(400, refused.statusCode(), refused.body());
            JsonNode body = TestApp.json(refused);
            assertEquals("weak_password", body.get("error").asText());
            assertTrue(body.get("explanation").get("en").asText().contains("too easy to guess"), body.toString());
            assertTrue(body.get("explanation").get("de").asText().contains("zu leicht zu erraten"), body.toString());
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_account WHERE nickname = 'nora'"));
            HttpResponse<String> german = browser.send(HttpRequest.newBuilder(browser.base.resolve("/api/accounts"))
                    .header("Content-Type", "application/json").header("Accept-Language", "de-DE,de;q=0.9")
                    .POST(HttpRequest.BodyPublishers.ofString(TestApp.write(Map.of("nickname", "nora", "password", "qwertzuiop",
                            "consents", Map.of("privacy-policy", true, "terms-mentee", true, "research-anonymised", false, "product-news", false))))));
            assertEquals(400, german.statusCode());
            assertTrue(TestApp.json(german).get("message").asText().startsWith("Dieses Passwort"), german.body());
            assertEquals(400, browser.register("nora", "nora-nora-nora").statusCode(), "the nickname repeated is guessable");

            browser.register("nora", PASSWORD);
            browser.signIn("nora", PASSWORD);
            assertEquals(400, browser.post("/api/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "password123")).statusCode());
            TestApp.Client operator = app.client();
            operator.signIn("operator", "operator-secret-1");
            assertEquals(400, operator.post("/api/operator/accounts", Map.of("nickname", "firma9", "password", "Passwort123!", "role", "employer"))
                    .statusCode(), "operator-issued passwords too");
        }
    }

    @DatabaseTest
    void the_reset_operator_password_command_gives_a_one_time_password(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client before = app.client();
            before.signIn("operator", "operator-secret-1");
            String current = app.renewedPasswords.get(TestApp.renewedKey("operator", "operator-secret-1"));
            AppSettings settings = AppSettings.from(Map.of("HOHEIT_DATA_DIR", app.dataDir.toString(), "HOHEIT_PORT", "0"),
                    new String[] {"reset-operator-password"});
            String oneTime = SmoffenApp.resetOperatorPassword(settings, db.dataSource(), app.clock, new PasswordHasher(8_192, 1));

            assertEquals(401, before.get("/api/me").statusCode(), "the operator's sessions ended");
            assertEquals(401, app.client().post("/api/session", Map.of("nickname", "operator", "password", current)).statusCode());
            TestApp.Client operator = app.client();
            HttpResponse<String> signedIn = operator.post("/api/session", Map.of("nickname", "operator", "password", oneTime));
            assertEquals(200, signedIn.statusCode());
            assertTrue(TestApp.json(signedIn).get("passwordChangeRequired").asBoolean(), "the one-time password must be changed");
            operator.csrf = TestApp.json(signedIn).get("csrfToken").asText();
            assertEquals(403, operator.get("/api/operator/accounts").statusCode());
            assertEquals(200, operator.post("/api/me/password", Map.of("currentPassword", oneTime, "newPassword", NEW_PASSWORD)).statusCode());
            assertEquals(200, operator.get("/api/operator/accounts").statusCode());
            app.app.flushAudit();
            assertEquals(1, db.queryLong("SELECT count(*) FROM app_account WHERE nickname = 'operator'"), "nothing was deleted");

            AppSettings elsewhere = AppSettings.from(Map.of("HOHEIT_DATA_DIR", app.dataDir.resolve("missing").toString()), new String[0]);
            try {
                SmoffenApp.resetOperatorPassword(elsewhere, db.dataSource(), app.clock, new PasswordHasher(8_192, 1));
                throw new AssertionError("a wrong data folder must be refused");
            } catch (IllegalStateException expected) {
                assertTrue(expected.getMessage().contains("HOHEIT_DATA_DIR"), expected.getMessage());
            }
        }
    }
}
