package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract check itself: what AuthorizationMatrixTest relies on to fail when a response and the
 * OpenAPI document part ways (the document as it is in the sources).
 */
class OpenApiContractTest {

    private static final String JSON = "application/json";

    private final OpenApiContract contract = new OpenApiContract(document());

    @Test
    void a_response_as_documented_passes() {
        assertEquals(List.of(), contract.problems("GET", "/health", 200, JSON, "{\"status\":\"ok\",\"auditIntegrator\":\"leading\"}"));
        assertEquals(List.of(), contract.problems("GET", "/api/me/pictures/{id}", 200, "image/png", "\u0089PNG"));
        assertEquals(List.of(), contract.problems("DELETE", "/api/session", 204, null, ""));
    }

    @Test
    void a_value_outside_its_enum_fails_naming_the_field() {
        List<String> problems = contract.problems("GET", "/health", 200, JSON, "{\"status\":\"ok\",\"auditIntegrator\":\"sideways\"}");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("auditIntegrator"), problems.toString());
        // A schema under a path with parameters, reached through a $ref.
        String plan = "{\"kind\":\"%s\",\"period\":\"2026-W10\",\"text\":\"\",\"updatedAt\":\"2026-03-02T08:00:00Z\"}";
        assertEquals(List.of(), contract.problems("PUT", "/api/me/plans/{kind}/{period}", 200, JSON, plan.formatted("week")));
        List<String> month = contract.problems("PUT", "/api/me/plans/{kind}/{period}", 200, JSON, plan.formatted("month"));
        assertEquals(1, month.size(), month.toString());
        assertTrue(month.get(0).contains("kind"), month.toString());
    }

    @Test
    void formats_are_asserted() {
        String session = "{\"sessions\":[{\"id\":\"%s\",\"createdAt\":\"2026-03-02T08:00:00Z\",\"lastUsedAt\":\"2026-03-02T08:00:00Z\","
                + "\"expiresAt\":\"%s\",\"userAgent\":null,\"current\":true}],\"maxSessions\":5}";
        assertEquals(List.of(), contract.problems("GET", "/api/me/sessions", 200, JSON,
                session.formatted("1b4e28ba-2fa1-11d2-883f-0016d3cca427", "2026-03-09T08:00:00Z")));
        assertEquals(2, contract.problems("GET", "/api/me/sessions", 200, JSON, session.formatted("seven", "next week")).size());
    }

    @Test
    void an_error_needs_its_kind_and_message_and_may_carry_a_code() {
        assertEquals(List.of(), contract.problems("POST", "/api/accounts", 409, JSON,
                "{\"error\":\"conflict\",\"code\":\"nickname_taken\",\"message\":\"this nickname is taken\","
                        + "\"fields\":[{\"field\":\"nickname\",\"code\":\"nickname_taken\"}]}"));
        assertEquals(List.of(), contract.problems("POST", "/api/accounts", 409, JSON, "{\"error\":\"conflict\",\"message\":\"taken\"}"));
        assertEquals(1, contract.problems("POST", "/api/accounts", 409, JSON, "{\"error\":\"conflict\"}").size());
        assertEquals(1, contract.problems("POST", "/api/accounts", 409, JSON, "{\"error\":\"conflict\",\"message\":\"taken\",\"trace\":\"x\"}").size());
    }

    @Test
    void an_undocumented_status_or_media_type_fails() {
        assertEquals(List.of("status 302 is not documented"), contract.problems("GET", "/health", 302, null, ""));
        assertEquals(List.of("Content-Type 'image/gif' is not documented (image/jpeg, image/png)"),
                contract.problems("GET", "/api/me/pictures/{id}", 200, "image/gif", "GIF89a"));
        assertEquals(List.of("the operation is not documented"), contract.problems("PATCH", "/health", 200, JSON, "{}"));
    }

    @Test
    void a_request_body_is_checked_against_its_schema() {
        assertEquals(List.of(), contract.requestProblems("POST", "/api/me/smoff-sessions", "{\"kind\":\"week\",\"date\":\"2026-03-02\",\"minutes\":20}"));
        assertEquals(1, contract.requestProblems("POST", "/api/me/smoff-sessions", "{\"kind\":\"week\",\"date\":\"2026-03-02\"}").size());
        assertEquals(1, contract.requestProblems("POST", "/api/me/smoff-sessions",
                "{\"kind\":\"week\",\"date\":\"2026-03-02\",\"minutes\":20,\"mood\":\"good\"}").size());
        assertEquals(List.of("no JSON request body is documented"), contract.requestProblems("GET", "/api/me", "{}"));
    }

    private static String document() {
        try {
            return Files.readString(Path.of("src/main/resources/META-INF/hoheit/mentoring/openapi.json"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
