package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The smaller defects of issue 12, each tried as an attacker would, over HTTP. */
class SmallerDefectsTest {

    @DatabaseTest
    void look_alike_and_reserved_nicknames_are_refused(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            assertEquals(201, app.client().register("anna", "correct horse anna").statusCode());
            HttpResponse<String> cyrillic = app.client().register("\u043Eperator", "correct horse cyrillic");
            assertEquals(422, cyrillic.statusCode(), cyrillic.body());
            assertTrue(cyrillic.body().contains("looks like, a name of the platform"), cyrillic.body());
            assertEquals(422, app.client().register("ｏｐｅｒａｔｏｒ", "correct horse fullwidth").statusCode());
            assertEquals(422, app.client().register("Support", "correct horse support").statusCode());
            for (String lookAlike : List.of("\u0430nna", "ＡＮＮＡ", "ANNA", "anna\u200B")) {
                HttpResponse<String> response = app.client().register(lookAlike, "correct horse lookalike");
                assertTrue(response.statusCode() == 409 || response.statusCode() == 422, lookAlike + ": " + response.body());
            }
            assertEquals(1, app.client().signIn("ａｎｎａ", "correct horse anna").statusCode() == 200 ? 1 : 0,
                    "the fullwidth form of a nickname signs in as the nickname itself");
            assertEquals(201, app.client().register("annabel", "correct horse annabel").statusCode(), "a different name still registers");
        }
    }

    @DatabaseTest
    void inviting_an_unknown_nickname_or_a_non_mentor_gives_one_answer_and_is_throttled(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            app.client().register("plainperson", "correct horse plain");
            TestApp.Client mentee = app.client();
            mentee.register("prober", "correct horse prober");
            mentee.signIn("prober", "correct horse prober");
            HttpResponse<String> exists = mentee.post("/api/me/mentors", Map.of("mentor", "plainperson", "scope", "mentor"));
            HttpResponse<String> unknown = mentee.post("/api/me/mentors", Map.of("mentor", "nobodyhere", "scope", "mentor"));
            assertEquals(exists.statusCode(), unknown.statusCode());
            assertEquals(exists.body(), unknown.body(), "no existence oracle");
            for (int i = 0; i < 3; i++) {
                mentee.post("/api/me/mentors", Map.of("mentor", "guess" + i, "scope", "mentor"));
            }
            HttpResponse<String> throttled = mentee.post("/api/me/mentors", Map.of("mentor", "guess9", "scope", "mentor"));
            assertEquals(429, throttled.statusCode(), throttled.body());
            assertTrue(throttled.headers().firstValue("Retry-After").isPresent());
        }
    }

    @DatabaseTest
    void body_errors_never_name_internal_types(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client client = app.client();
            for (String body : List.of("{\"nickname\": 5, \"bogus\": 1}", "{\"nickname\": [1]}", "[1, 2]", "{\"nickname\": ",
                    "\"text\"", "{\"nickname\":\"x\",\"consents\":{\"privacy-policy\":\"maybe\"}}", "{\"password\": {}}")) {
                HttpResponse<String> response = client.post("/api/accounts", body);
                assertEquals(400, response.statusCode(), body + ": " + response.body());
                for (String internal : List.of("Requests", "$", "dev.hoheit", "jackson", "java.", "Cannot", "instance")) {
                    assertFalse(response.body().contains(internal), body + " -> " + response.body());
                }
            }
            assertTrue(client.post("/api/accounts", "{\"bogus\": 1}").body().contains("unknown field 'bogus'"));
        }
    }

    @DatabaseTest
    void any_path_id_gives_a_4xx_never_a_500(TestDatabase db) throws Exception {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client mentee = app.client();
            mentee.register("pathmentee", "correct horse pathmentee");
            mentee.signIn("pathmentee", "correct horse pathmentee");
            TestApp.Client operator = app.client();
            operator.signIn("operator", "operator-secret-1");
            String mentorId = TestApp.json(app.client().register("pathmentor", "correct horse pathmentor")).get("id").asText();
            operator.put("/api/operator/mentors/" + mentorId);
            TestApp.Client mentor = app.client();
            mentor.signIn("pathmentor", "correct horse pathmentor");
            JsonNode paths = TestApp.json(app.client().get("/api/openapi.json")).get("paths");
            List<String> ids = List.of("x".repeat(300), "a".repeat(5000), "%00", "..%2F..", "%E2%80%AE", "12345678-1234-1234-1234-1234567890ab");
            int tried = 0;
            for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
                String template = names.next();
                if (!template.contains("{") || template.startsWith("/log/")) {
                    continue;
                }
                for (Iterator<String> methods = paths.get(template).fieldNames(); methods.hasNext(); ) {
                    String method = methods.next().toUpperCase(java.util.Locale.ROOT);
                    for (String id : ids) {
                        String path = template.replaceAll("\\{[^}]+}", id);
                        for (TestApp.Client caller : List.of(mentee, mentor, operator)) {
                            HttpRequest.Builder request = HttpRequest.newBuilder(caller.base.resolve(path)).header("Content-Type", "application/json")
                                    .method(method, "GET".equals(method) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
                            HttpResponse<String> response;
                            try {
                                response = caller.send(caller.withCsrf(request));
                            } catch (RuntimeException e) {
                                throw new AssertionError(method + " " + path.substring(0, Math.min(80, path.length())) + " (" + path.length() + ")", e);
                            }
                            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, method + " " + path.substring(0, Math.min(80, path.length()))
                                    + " -> " + response.statusCode() + " " + response.body());
                            tried++;
                        }
                    }
                }
            }
            assertTrue(tried > 100, "tried " + tried);
        }
    }

    @DatabaseTest
    void a_legal_hold_on_deleting_my_account_is_a_409_that_says_so(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client mentee = app.client();
            String id = TestApp.json(mentee.register("heldperson", "correct horse held")).get("id").asText();
            mentee.signIn("heldperson", "correct horse held");
            app.app.retention().placeHold("tax audit 2026", Set.of(id));
            HttpResponse<String> refused = mentee.delete("/api/me", Map.of("password", "correct horse held"));
            assertEquals(409, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("legal hold"), refused.body());
            assertEquals(200, mentee.get("/api/me").statusCode(), "nothing was deleted");
        }
    }

    @DatabaseTest
    void impossible_periods_and_dates_are_400(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client mentee = app.client();
            mentee.register("calendar", "correct horse calendar");
            mentee.signIn("calendar", "correct horse calendar");
            for (String period : List.of("day/2026-02-30", "day/9999-99-99", "day/2026-13-01", "day/2026-00-10", "week/2026-W99",
                    "week/2026-W00", "week/2027-W53", "year/9999", "year/0000")) {
                HttpResponse<String> response = mentee.put("/api/me/plans/" + period, Map.of("text", "x"));
                assertEquals(400, response.statusCode(), period + ": " + response.body());
            }
            assertEquals(200, mentee.put("/api/me/plans/week/2026-W53", Map.of("text", "2026 has 53 ISO weeks")).statusCode());
            assertEquals(200, mentee.put("/api/me/plans/day/2028-02-29", Map.of("text", "a leap day")).statusCode());
            for (String date : List.of("2026-02-30", "9999-99-99", "2026-W10", "02.03.2026")) {
                HttpResponse<String> response = mentee.post("/api/me/smoff-sessions", Map.of("kind", "day", "date", date, "minutes", 5));
                assertEquals(400, response.statusCode(), date + ": " + response.body());
            }
            assertEquals(1, TestApp.json(mentee.get("/api/me/plans")).get("plans").size() == 2 ? 1 : 0, "only the two real periods are stored");
        }
    }

    @DatabaseTest
    void jetty_level_errors_carry_the_security_headers_and_json(TestDatabase db) throws Exception {
        try (TestApp app = new TestApp(db)) {
            int port = app.app.port();
            List<String> requests = new ArrayList<>();
            requests.add("GET /api/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n");
            requests.add("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            requests.add("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");
            requests.add("DELETE /api/me/mentors/..%2F.. HTTP/1.1\r\nHost: localhost\r\n\r\n"); // an ambiguous path separator
            for (String request : requests) {
                String response = raw(port, request);
                String status = response.substring(0, response.indexOf("\r\n"));
                assertTrue(status.matches("HTTP/1.1 4\\d\\d .*"), status);
                String lower = response.toLowerCase(java.util.Locale.ROOT);
                for (String header : List.of("content-security-policy: default-src 'self'", "x-content-type-options: nosniff",
                        "x-frame-options: deny", "referrer-policy: no-referrer", "cache-control: no-store", "content-type: application/json")) {
                    assertTrue(lower.contains(header), status + " lacks " + header + ":\n" + response.substring(0, Math.min(600, response.length())));
                }
                assertTrue(response.contains("\"error\""), response);
                assertFalse(lower.contains("jetty") || lower.contains("<html"), response);
            }
        }
    }

    @Test
    void the_data_folder_is_the_owners_alone() throws Exception {
        Path parent = Files.createTempDirectory("smoffen-folder");
        Path dataDir = parent.resolve("data");
        AppSettings settings = AppSettings.from(Map.of("HOHEIT_DATA_DIR", dataDir.toString(), "HOHEIT_PORT", "0",
                "HOHEIT_OPERATOR_PASSWORD", "operator-secret-1"), new String[0]);
        try (SmoffenApp app = SmoffenApp.start(settings)) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dataDir)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().endsWith(".mv.db")), "the H2 file: " + files);
            assertTrue(files.stream().anyMatch(f -> f.toString().contains("keys")), "the keys: " + files);
            for (Path file : files) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
            }
        }
    }

    private static String raw(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    bytes.write(buffer, 0, n);
                    String text = bytes.toString(StandardCharsets.ISO_8859_1);
                    int end = text.indexOf("\r\n\r\n");
                    if (end > 0 && text.indexOf('}', end) > 0) {
                        break;
                    }
                }
            } catch (java.net.SocketException | java.net.SocketTimeoutException e) {
                // the server closed the connection after its answer
            }
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
