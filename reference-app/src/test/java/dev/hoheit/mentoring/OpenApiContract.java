package dev.hoheit.mentoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAPI document as a contract for real responses: a response's status must be documented for
 * its operation, its media type among that status's content types, and a JSON body must match the
 * schema there (OpenAPI 3.1 dialect of JSON Schema 2020-12, formats such as uuid and date-time asserted).
 */
final class OpenApiContract {

    /** Where the document is found by its own {@code $ref}s; mapped to the text, never fetched. */
    private static final String DOCUMENT = "https://smoffen.test/openapi.json";

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    OpenApiContract(String documentJson) {
        try {
            this.document = TestApp.JSON.readTree(documentJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the OpenAPI document is not JSON", e);
        }
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(DOCUMENT, documentJson))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /** What is wrong with {@code response} to {@code method path} ({@code path} as the document names it); empty when it matches. */
    List<String> problems(String method, String path, HttpResponse<String> response) {
        return problems(method, path, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
    }

    /** What is wrong with a response of {@code status}, {@code contentType} (null for none) and {@code body}; empty when it matches. */
    List<String> problems(String method, String path, int status, String contentType, String body) {
        String operationPointer = "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT);
        JsonNode operation = document.at(operationPointer);
        if (operation.isMissingNode()) {
            return List.of("the operation is not documented");
        }
        String key = Integer.toString(status);
        JsonNode response = operation.path("responses").path(key);
        if (response.isMissingNode()) {
            key = key.charAt(0) + "XX";
            response = operation.path("responses").path(key);
        }
        if (response.isMissingNode()) {
            return List.of("status " + status + " is not documented");
        }
        String responsePointer = operationPointer + "/responses/" + escape(key);
        if (response.has("$ref")) {
            responsePointer = response.get("$ref").asText().substring(1);
            response = document.at(responsePointer);
        }
        JsonNode content = response.path("content");
        boolean empty = body == null || body.isEmpty();
        if (content.isEmpty()) {
            return empty ? List.of() : List.of("a body, where the document has none");
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!content.has(mediaType)) {
            List<String> documented = new ArrayList<>();
            content.fieldNames().forEachRemaining(documented::add);
            return List.of("Content-Type '" + mediaType + "' is not documented (" + String.join(", ", documented) + ")");
        }
        if (!mediaType.equals("application/json")) {
            return List.of(); // pictures, ZIP, CSV, notes, tiles: the media type is the contract
        }
        if (empty) {
            return List.of("no body, where the document has JSON");
        }
        return validate(responsePointer + "/content/" + escape(mediaType) + "/schema", body);
    }

    /** What is wrong with a JSON request body to {@code method path}; empty when it matches the request schema. */
    List<String> requestProblems(String method, String path, String body) {
        String pointer = "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT) + "/requestBody/content/application~1json/schema";
        if (document.at(pointer).isMissingNode()) {
            return List.of("no JSON request body is documented");
        }
        return validate(pointer, body);
    }

    private List<String> validate(String pointer, String json) {
        Schema schema = schemas.computeIfAbsent(pointer, at -> registry.getSchema(SchemaLocation.of(DOCUMENT + "#"
                + at.replace("{", "%7B").replace("}", "%7D"))));
        return schema.validate(json, InputFormat.JSON).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
    }

    /** A JSON pointer's reference token. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
