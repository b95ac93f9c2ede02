package dev.hoheit.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoheit.audit.AuditException;
import dev.hoheit.audit.Checkpoint;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The exported JSON form of a checkpoint: one line, format {@code hoheit-audit-checkpoint/2}. */
public final class CheckpointJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORMAT = "hoheit-audit-checkpoint/2";

    private CheckpointJson() {
    }

    /** One line of JSON. */
    public static String write(Checkpoint checkpoint) {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("origin", checkpoint.origin());
        node.put("size", checkpoint.size());
        node.put("rootHash", checkpoint.rootHash());
        node.put("headTime", checkpoint.headTime().toString());
        node.put("sealedAt", checkpoint.sealedAt().toString());
        node.put("note", checkpoint.note());
        return node.toString();
    }

    /** Parses one line. */
    public static Checkpoint read(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !FORMAT.equals(node.path("format").asText())) {
                throw invalid("not a Hoheit audit checkpoint (" + FORMAT + "): " + abbreviate(json), null);
            }
            return new Checkpoint(required(node, "origin").asText(), required(node, "size").asLong(),
                    required(node, "rootHash").asText(), required(node, "note").asText(),
                    Instant.parse(required(node, "headTime").asText()), Instant.parse(required(node, "sealedAt").asText()));
        } catch (IOException | DateTimeParseException e) {
            throw invalid("unreadable checkpoint: " + abbreviate(json), e);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw invalid("checkpoint lacks the field '" + field + "'", null);
        }
        return value;
    }

    private static AuditException invalid(String message, Throwable cause) {
        return new AuditException(AuditException.Problem.INVALID_ARGUMENT, message, cause);
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
