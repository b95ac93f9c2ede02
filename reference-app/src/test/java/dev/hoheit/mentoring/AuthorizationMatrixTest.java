package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every endpoint, called as every role and anonymously: an allowed caller never gets 401 or 403,
 * a refused caller always does. State-changing calls carry a malformed body or an unknown id, so
 * allowed callers get a different 4xx and nothing changes (sealing an audit checkpoint excepted: it
 * only signs the log's current head). Every response, success or error, and those of the set-up, must
 * match the OpenAPI document: its status documented for the operation, its media type, and its body
 * the schema there.
 */
class AuthorizationMatrixTest {

    private static final String ANONYMOUS = "anonymous";
    private static final Set<String> EVERYONE = Set.of(ANONYMOUS, "mentee", "mentor", "operator", "employer", "auditor", "supervisor");
    private static final Set<String> SIGNED_IN = Set.of("mentee", "mentor", "operator", "employer", "auditor", "supervisor");
    private static final Set<String> MENTEES = Set.of("mentee", "mentor"); // operator-made mentors are mentees too

    private record Call(String method, String path, String body, String contentType, Set<String> allowed) {
    }

    @DatabaseTest
    void every_endpoint_allows_exactly_its_roles(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            OpenApiContract contract = new OpenApiContract(app.client().get("/api/openapi.json").body());
            List<String> mismatches = new ArrayList<>();
            Map<String, TestApp.Client> clients = new LinkedHashMap<>();
            clients.put(ANONYMOUS, app.client());
            TestApp.Client operator = app.client();
            mismatches.addAll(matches(contract, "POST", "/api/session", "operator", operator.signIn("operator", "operator-secret-1")));
            clients.put("operator", operator);
            TestApp.Client mentee = app.client();
            HttpResponse<String> registered = mentee.register("yara", "correct horse 19");
            mismatches.addAll(matches(contract, "POST", "/api/accounts", ANONYMOUS, registered));
            String menteeId = TestApp.json(registered).get("id").asText();
            mentee.signIn("yara", "correct horse 19");
            clients.put("mentee", mentee);
            Checked checked = new Checked(contract, mismatches);
            Map<String, String> ids = new LinkedHashMap<>();
            for (String role : List.of("mentor", "employer", "auditor", "supervisor")) {
                HttpResponse<String> created = checked.send(operator, "operator", "POST", "/api/operator/accounts", "/api/operator/accounts",
                        Map.of("nickname", role + "-x", "password", "correct horse 20", "role", role));
                ids.put(role, TestApp.json(created).get("id").asText());
                TestApp.Client client = app.client();
                assertEquals(200, client.signIn(role + "-x", "correct horse 20").statusCode());
                clients.put(role, client);
            }
            checked.send(mentee, "mentee", "POST", "/api/me/mentors", "/api/me/mentors", Map.of("mentor", "mentor-x", "scope", "mentor"));
            checked.send(operator, "operator", "POST", "/api/operator/employments", "/api/operator/employments",
                    Map.of("employee", "yara", "employer", "employer-x"));
            // Something in each list, so that the lists' items are checked against their schemas too.
            checked.send(mentee, "mentee", "POST", "/api/me/smoff-sessions", "/api/me/smoff-sessions",
                    Map.of("kind", "day", "date", "2026-03-02", "minutes", 7, "note", "the day's three things"));
            checked.send(mentee, "mentee", "PUT", "/api/me/plans/{kind}/{period}", "/api/me/plans/week/2026-W10", Map.of("text", "finish the contract"));
            HttpResponse<String> uploaded = mentee.upload("/api/me/pictures", "image/png", picture());
            assertEquals(201, uploaded.statusCode(), uploaded.body());
            mismatches.addAll(matches(contract, "POST", "/api/me/pictures", "mentee", uploaded));
            checked.send(mentee, "mentee", "POST", "/api/me/messages", "/api/me/messages",
                    Map.of("to", ids.get("mentor"), "text", "Shall we look at my week?"));
            String requestId = TestApp.json(checked.send(mentee, "mentee", "POST", "/api/me/privacy-requests", "/api/me/privacy-requests",
                    Map.of("kind", "question", "text", "Who sees my plans?"))).get("id").asText();
            checked.send(operator, "operator", "POST", "/api/operator/privacy-requests/{id}/answer",
                    "/api/operator/privacy-requests/" + requestId + "/answer", Map.of("text", "Your mentor, while you let them."));
            checked.send(clients.get("mentor"), "mentor", "POST", "/api/me/messages", "/api/me/messages", Map.of("to", menteeId, "text", "Yes, on Monday."));
            checked.send(mentee, "mentee", "PATCH", "/api/me", "/api/me", Map.of("email", "yara@example.org"));
            checked.send(mentee, "mentee", "PUT", "/api/me/notification-settings", "/api/me/notification-settings",
                    Map.of("settings", List.of(Map.of("kind", "mentoring", "email", false))));
            checked.send(operator, "operator", "POST", "/api/operator/courses", "/api/operator/courses",
                    Map.of("name", "Spring course", "mentees", List.of("yara")));
            HttpResponse<String> resetCode = operator.post("/api/operator/accounts/" + ids.get("employer") + "/reset-code", "");
            assertEquals(201, resetCode.statusCode(), resetCode.body());
            mismatches.addAll(matches(contract, "POST", "/api/operator/accounts/{id}/reset-code", "operator", resetCode));
            String unknown = UUID.randomUUID().toString();
            String bad = "{";

            List<Call> calls = List.of(
                    new Call("GET", "/health", null, null, EVERYONE),
                    new Call("GET", "/api/openapi.json", null, null, EVERYONE),
                    new Call("GET", "/api/notices?role=mentee", null, null, EVERYONE),
                    new Call("POST", "/api/accounts", bad, "application/json", EVERYONE),
                    new Call("POST", "/api/session", bad, "application/json", EVERYONE),
                    new Call("DELETE", "/api/session", null, null, SIGNED_IN),
                    new Call("GET", "/api/me", null, null, SIGNED_IN),
                    new Call("PATCH", "/api/me", bad, "application/json", SIGNED_IN),
                    new Call("DELETE", "/api/me", bad, "application/json", SIGNED_IN),
                    new Call("GET", "/api/me/data", null, null, SIGNED_IN),
                    new Call("GET", "/api/me/export", null, null, SIGNED_IN),
                    new Call("GET", "/api/me/activity", null, null, SIGNED_IN),
                    new Call("GET", "/api/me/access-log", null, null, SIGNED_IN),
                    new Call("GET", "/api/me/consents", null, null, SIGNED_IN),
                    new Call("POST", "/api/me/consents", bad, "application/json", SIGNED_IN),
                    new Call("GET", "/api/me/consents/" + unknown + "/receipt", null, null, SIGNED_IN),
                    new Call("POST", "/api/me/welcome", bad, "application/json", SIGNED_IN),
                    new Call("POST", "/api/me/daily-planning", bad, "application/json", MENTEES),
                    new Call("POST", "/api/me/restriction", bad, "application/json", SIGNED_IN),
                    new Call("DELETE", "/api/me/restriction", null, null, SIGNED_IN),
                    new Call("GET", "/api/me/messages", null, null, SIGNED_IN),
                    new Call("POST", "/api/me/messages", bad, "application/json", SIGNED_IN),
                    new Call("GET", "/api/me/smoff-sessions", null, null, MENTEES),
                    new Call("POST", "/api/me/smoff-sessions", bad, "application/json", MENTEES),
                    new Call("GET", "/api/me/plans", null, null, MENTEES),
                    new Call("PUT", "/api/me/plans/day/2026-03-02", bad, "application/json", MENTEES),
                    new Call("GET", "/api/me/pictures", null, null, MENTEES),
                    new Call("POST", "/api/me/pictures", "not a picture", "image/png", MENTEES),
                    new Call("GET", "/api/me/pictures/" + unknown, null, null, MENTEES),
                    new Call("DELETE", "/api/me/pictures/" + unknown, null, null, MENTEES),
                    new Call("DELETE", "/api/me/smoff-sessions/" + unknown, null, null, MENTEES),
                    new Call("GET", "/api/me/mentors", null, null, MENTEES),
                    new Call("POST", "/api/me/mentors", bad, "application/json", MENTEES),
                    new Call("POST", "/api/me/mentors/" + unknown + "/accept", "{}", "application/json", MENTEES),
                    new Call("POST", "/api/me/mentors/" + unknown + "/decline", "{}", "application/json", MENTEES),
                    new Call("DELETE", "/api/me/mentors/" + unknown, null, null, MENTEES),
                    new Call("GET", "/api/me/employer-view", null, null, MENTEES),
                    new Call("GET", "/api/mentees", null, null, Set.of("mentor")),
                    new Call("GET", "/api/mentees/" + menteeId + "/smoff-sessions", null, null, Set.of("mentor")),
                    new Call("GET", "/api/mentees/" + menteeId + "/plans", null, null, Set.of("mentor")),
                    new Call("GET", "/api/mentees/" + menteeId + "/pictures", null, null, Set.of("mentor")),
                    new Call("GET", "/api/mentees/" + menteeId + "/pictures/" + unknown, null, null, Set.of("mentor")),
                    new Call("GET", "/api/operator/accounts?q=yar&role=mentee&limit=10", null, null, Set.of("operator")),
                    new Call("POST", "/api/operator/accounts", bad, "application/json", Set.of("operator")),
                    new Call("PUT", "/api/operator/mentors/" + unknown, null, null, Set.of("operator")),
                    new Call("DELETE", "/api/operator/mentors/" + unknown, null, null, Set.of("operator")),
                    new Call("GET", "/api/operator/assignments", null, null, Set.of("operator")),
                    new Call("POST", "/api/operator/assignments", bad, "application/json", Set.of("operator")),
                    new Call("GET", "/api/operator/courses", null, null, Set.of("operator")),
                    new Call("POST", "/api/operator/courses", bad, "application/json", Set.of("operator")),
                    new Call("GET", "/api/me/privacy-requests", null, null, SIGNED_IN),
                    // Account security. Signing out everywhere else ends nothing here: each account has one session.
                    new Call("POST", "/api/me/password", bad, "application/json", SIGNED_IN),
                    new Call("GET", "/api/me/sessions", null, null, SIGNED_IN),
                    new Call("DELETE", "/api/me/sessions", null, null, SIGNED_IN),
                    new Call("DELETE", "/api/me/sessions/" + unknown, null, null, SIGNED_IN),
                    new Call("GET", "/api/me/recovery-codes", null, null, SIGNED_IN),
                    new Call("POST", "/api/me/recovery-codes", bad, "application/json", SIGNED_IN),
                    new Call("POST", "/api/password-reset", bad, "application/json", EVERYONE),
                    new Call("POST", "/api/operator/accounts/" + unknown + "/reset-code", null, null, Set.of("operator")),
                    new Call("GET", "/api/me/notifications", null, null, SIGNED_IN),
                    new Call("POST", "/api/me/notifications/read", bad, "application/json", SIGNED_IN),
                    new Call("GET", "/api/me/notification-settings", null, null, SIGNED_IN),
                    new Call("PUT", "/api/me/notification-settings", bad, "application/json", SIGNED_IN),
                    new Call("POST", "/api/me/privacy-requests", bad, "application/json", SIGNED_IN),
                    new Call("GET", "/api/operator/privacy-requests", null, null, Set.of("operator")),
                    new Call("GET", "/api/operator/research-export", null, null, Set.of("operator")),
                    new Call("GET", "/api/operator/privacy-requests/" + unknown, null, null, Set.of("operator")),
                    new Call("POST", "/api/operator/privacy-requests/" + unknown + "/answer", bad, "application/json", Set.of("operator")),
                    new Call("POST", "/api/operator/privacy-requests/" + unknown + "/extension", bad, "application/json", Set.of("operator")),
                    new Call("GET", "/api/operator/employments", null, null, Set.of("operator")),
                    new Call("POST", "/api/operator/employments", bad, "application/json", Set.of("operator")),
                    new Call("DELETE", "/api/operator/employments/" + menteeId + "/" + unknown, null, null, Set.of("operator")),
                    new Call("GET", "/api/employer/employees", null, null, Set.of("employer")),
                    new Call("GET", "/api/employer/employees/" + menteeId + "/assessment", null, null, Set.of("employer")),
                    new Call("GET", "/api/auditor/verification", null, null, Set.of("auditor", "operator")),
                    new Call("GET", "/api/auditor/retention-runs", null, null, Set.of("auditor", "operator")),
                    // A run deletes only what is due; the test's clock stands still, so nothing is.
                    new Call("POST", "/api/operator/retention-runs", null, null, Set.of("operator")),
                    new Call("GET", "/api/auditor/checkpoints", null, null, Set.of("auditor", "operator")),
                    // Sealing only signs the audit log's current head: no account or personal data changes.
                    new Call("POST", "/api/auditor/checkpoints", null, null, Set.of("auditor", "operator")),
                    // The transparency log: hashes for anyone, entries for auditors only (not the operator).
                    new Call("GET", "/log/checkpoint", null, null, EVERYONE),
                    new Call("GET", "/log/tile/0/000.p/1", null, null, EVERYONE),
                    new Call("GET", "/log/tile/entries/000.p/1", null, null, Set.of("auditor")),
                    // Supervision (R26): unknown cases and malformed bodies, so nothing is opened or answered.
                    new Call("GET", "/api/mentor/cases", null, null, Set.of("mentor")),
                    new Call("POST", "/api/mentor/cases", bad, "application/json", Set.of("mentor")),
                    new Call("GET", "/api/mentor/cases/" + unknown, null, null, Set.of("mentor")),
                    new Call("POST", "/api/mentor/cases/" + unknown + "/messages", bad, "application/json", Set.of("mentor")),
                    new Call("POST", "/api/mentor/cases/" + unknown + "/close", null, null, Set.of("mentor")),
                    new Call("GET", "/api/supervisor/cases", null, null, Set.of("supervisor")),
                    new Call("GET", "/api/supervisor/cases/" + unknown, null, null, Set.of("supervisor")),
                    new Call("POST", "/api/supervisor/cases/" + unknown + "/answers", bad, "application/json", Set.of("supervisor")),
                    new Call("GET", "/api/me/supervision", null, null, MENTEES),
                    new Call("POST", "/api/me/supervision/" + unknown + "/objection", null, null, MENTEES),
                    new Call("PUT", "/api/operator/supervisors/" + unknown, null, null, Set.of("operator")),
                    new Call("DELETE", "/api/operator/supervisors/" + unknown, null, null, Set.of("operator")));

            assertOpenApiDocumentsExactly(app, calls);
            long accountsBefore = db.queryLong("SELECT count(*) FROM app_account");
            List<String> wrong = new ArrayList<>();
            for (Call call : calls) {
                for (Map.Entry<String, TestApp.Client> client : clients.entrySet()) {
                    if (call.path().equals("/api/session") && call.method().equals("DELETE")) {
                        continue; // checked separately below: signing out ends the client's session
                    }
                    HttpResponse<String> response = send(client.getValue(), call);
                    int status = response.statusCode();
                    mismatches.addAll(matches(contract, call.method(), template(call.path()), client.getKey(), response));
                    boolean refused = status == 401 || status == 403;
                    boolean allowed = call.allowed().contains(client.getKey());
                    if (allowed == refused || status >= 500) {
                        wrong.add(call.method() + " " + call.path() + " as " + client.getKey() + " -> " + status);
                    }
                }
            }
            assertTrue(wrong.isEmpty(), String.join("\n", wrong));
            assertEquals(accountsBefore, db.queryLong("SELECT count(*) FROM app_account"), "no call changed an account");
            HttpResponse<String> anonymousSignOut = send(clients.get(ANONYMOUS), new Call("DELETE", "/api/session", null, null, Set.of()));
            assertEquals(401, anonymousSignOut.statusCode());
            mismatches.addAll(matches(contract, "DELETE", "/api/session", ANONYMOUS, anonymousSignOut));
            HttpResponse<String> signOut = send(clients.get("auditor"), new Call("DELETE", "/api/session", null, null, Set.of()));
            assertEquals(204, signOut.statusCode());
            mismatches.addAll(matches(contract, "DELETE", "/api/session", "auditor", signOut));
            assertTrue(mismatches.isEmpty(), "responses that do not match the OpenAPI document:\n" + String.join("\n", mismatches));
        }
    }

    /** The OpenAPI document lists exactly the operations this matrix calls, with the same roles. */
    private static void assertOpenApiDocumentsExactly(TestApp app, List<Call> calls) {
        var doc = TestApp.json(app.client().get("/api/openapi.json"));
        assertEquals("3.1.0", doc.get("openapi").asText());
        Map<String, Set<String>> documented = new java.util.TreeMap<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            Set<String> roles = new java.util.TreeSet<>();
            operation.getValue().get("x-roles").forEach(role -> roles.addAll(callers(role.asText())));
            documented.put(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), roles);
        }));
        Map<String, Set<String>> called = new java.util.TreeMap<>();
        for (Call call : calls) {
            String path = template(call.path());
            called.put(call.method() + " " + path, new java.util.TreeSet<>(call.allowed()));
        }
        assertEquals(called.keySet(), documented.keySet(), "every endpoint is documented, and only those");
        assertEquals(called, documented, "each with the roles it allows (x-roles)");
        List<String> wrong = new ArrayList<>();
        Set<String> operationIds = new java.util.HashSet<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String operation = entry.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
            JsonNode op = entry.getValue();
            if (!op.path("operationId").isTextual() || !operationIds.add(op.path("operationId").asText())) {
                wrong.add(operation + ": no operationId, or one another operation has");
            }
            // Public operations say so (security: []); the others need the session cookie.
            boolean anyone = documented.get(operation).contains(ANONYMOUS);
            String security = op.path("security").toString();
            if (!security.equals(anyone ? "[]" : "[{\"session\":[]}]")) {
                wrong.add(operation + ": security " + security + " for " + (anyone ? "a public operation" : "a session's operation"));
            }
            // The CSRF header on state-changing operations only: required with a session, optional where anyone may call.
            JsonNode csrf = null;
            for (JsonNode parameter : op.path("parameters")) {
                JsonNode resolved = parameter.has("$ref") ? doc.at(parameter.get("$ref").asText().substring(1)) : parameter;
                if (resolved.path("name").asText().equalsIgnoreCase("X-CSRF-Token")) {
                    csrf = resolved;
                }
            }
            boolean changing = !entry.getKey().equals("get");
            if (changing != (csrf != null) || csrf != null && csrf.path("required").asBoolean() == anyone) {
                wrong.add(operation + ": X-CSRF-Token " + (csrf == null ? "missing" : csrf.toString()));
            }
        }));
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** The path as the OpenAPI document names it: {@code /api/me/pictures/{id}} for {@code /api/me/pictures/<uuid>}. */
    private static String template(String path) {
        return path.replaceAll("\\?.*", "")
                .replaceAll("/log/tile/entries/.+", "/log/tile/entries/{index}")
                .replaceAll("/log/tile/[0-9]+/.+", "/log/tile/{level}/{index}")
                .replaceAll("/api/me/plans/day/[^/]+", "/api/me/plans/{kind}/{period}")
                .replaceAll("/api/mentees/[^/]+/pictures/[^/]+", "/api/mentees/{id}/pictures/{pid}")
                .replaceAll("/api/mentees/[0-9a-f-]{36}", "/api/mentees/{id}")
                .replaceAll("/api/me/pictures/[0-9a-f-]{36}", "/api/me/pictures/{id}")
                .replaceAll("/api/me/smoff-sessions/[0-9a-f-]{36}", "/api/me/smoff-sessions/{id}")
                .replaceAll("/api/me/mentors/[0-9a-f-]{36}", "/api/me/mentors/{id}")
                .replaceAll("/api/me/consents/[0-9a-f-]{36}/receipt", "/api/me/consents/{decisionId}/receipt")
                .replaceAll("/api/me/sessions/[0-9a-f-]{36}", "/api/me/sessions/{id}")
                .replaceAll("/api/operator/accounts/[0-9a-f-]{36}/reset-code", "/api/operator/accounts/{id}/reset-code")
                .replaceAll("/api/operator/mentors/[0-9a-f-]{36}", "/api/operator/mentors/{accountId}")
                .replaceAll("/api/operator/supervisors/[0-9a-f-]{36}", "/api/operator/supervisors/{accountId}")
                .replaceAll("/api/(mentor|supervisor)/cases/[0-9a-f-]{36}", "/api/$1/cases/{id}")
                .replaceAll("/api/me/supervision/[0-9a-f-]{36}", "/api/me/supervision/{id}")
                .replaceAll("/api/operator/employments/[0-9a-f-]{36}/[0-9a-f-]{36}", "/api/operator/employments/{employeeId}/{employerId}")
                .replaceAll("/api/employer/employees/[0-9a-f-]{36}", "/api/employer/employees/{id}")
                .replaceAll("/api/operator/privacy-requests/[0-9a-f-]{36}", "/api/operator/privacy-requests/{id}");
    }

    /** The problems of {@code response} to {@code method path} by {@code who}, each naming the operation, the status and what is wrong. */
    private static List<String> matches(OpenApiContract contract, String method, String path, String who, HttpResponse<String> response) {
        return contract.problems(method, path, response).stream()
                .map(problem -> method + " " + path + " as " + who + " -> " + response.statusCode() + ": " + problem)
                .toList();
    }

    /** Set-up calls with a valid body: the request and the response are both checked against the document. */
    private record Checked(OpenApiContract contract, List<String> mismatches) {

        HttpResponse<String> send(TestApp.Client client, String who, String method, String template, String path, Map<String, ?> body) {
            String json;
            try {
                json = TestApp.JSON.writeValueAsString(body);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
            contract.requestProblems(method, template, json)
                    .forEach(problem -> mismatches.add(method + " " + template + " request by " + who + ": " + problem));
            HttpResponse<String> response = switch (method) {
                case "POST" -> client.post(path, json);
                case "PUT" -> client.put(path, body);
                case "PATCH" -> client.patch(path, body);
                default -> throw new IllegalArgumentException(method);
            };
            assertTrue(response.statusCode() < 300, method + " " + path + " as " + who + " -> " + response.statusCode() + " " + response.body());
            mismatches.addAll(matches(contract, method, template, who, response));
            return response;
        }
    }

    /** A small real PNG. */
    private static byte[] picture() {
        try {
            return PictureLoadTest.png(16, 12, 8, 2);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The callers an x-roles name stands for. */
    private static Set<String> callers(String role) {
        return switch (role) {
            case "anyone" -> EVERYONE;
            case "signed in" -> SIGNED_IN;
            case "mentee" -> MENTEES;
            default -> Set.of(role);
        };
    }

    private static HttpResponse<String> send(TestApp.Client client, Call call) {
        HttpRequest.BodyPublisher body = call.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(call.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(client.base.resolve(call.path())).method(call.method(), body);
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        return client.send(client.withCsrf(request));
    }
}
