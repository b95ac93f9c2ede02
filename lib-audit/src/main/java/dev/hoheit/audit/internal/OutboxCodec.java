package dev.hoheit.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditException;
import dev.hoheit.audit.ClientInfo;
import dev.hoheit.audit.Outcome;
import dev.hoheit.audit.Resource;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * An outbox row's payload: the event as JSON, sealed (AES-GCM) under a key derived from the master
 * key, so the outbox holds no person's id in clear either. Sealing costs no database round trip, so
 * an append in the caller's thread is one INSERT; the persons' keys are found or created by the
 * integrator.
 */
final class OutboxCodec {

    /** An opened payload: the event and, for an erasure, whose key to destroy with it. */
    record Opened(AuditEvent event, String eraseSubjectId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTEXT = "hoheit-audit-outbox/1";

    private final SecretKey key;

    OutboxCodec(SecretKey master) {
        this.key = new SecretKeySpec(Crypto.hmac(master.getEncoded(), "hoheit-audit-outbox"), "AES");
    }

    byte[] seal(AuditEvent event, String eraseSubjectId) {
        ObjectNode node = JSON.createObjectNode();
        node.put("actor", event.actor().id());
        node.put("role", event.actor().role());
        node.put("subject", event.subjectId());
        node.put("action", event.action().name());
        node.put("resourceType", event.resource().type());
        node.put("resourceId", event.resource().id());
        node.put("purpose", event.purpose());
        node.put("outcome", event.outcome().name());
        ObjectNode details = node.putObject("details");
        event.details().forEach(details::put);
        if (event.client() != null) {
            node.put("ip", event.client().ipAddress());
            node.put("userAgent", event.client().userAgent());
        }
        if (eraseSubjectId != null) {
            node.put("erase", eraseSubjectId);
        }
        try {
            return Crypto.encrypt(key, JSON.writeValueAsBytes(node), CONTEXT);
        } catch (IOException e) {
            throw new AuditException(AuditException.Problem.INVALID_ARGUMENT, "the event cannot be written as JSON", e);
        }
    }

    Opened open(byte[] payload) {
        JsonNode node;
        try {
            node = JSON.readTree(Crypto.decrypt(key, payload, CONTEXT));
        } catch (IOException e) {
            throw new AuditException(AuditException.Problem.CRYPTO, "an outbox payload is not readable JSON", e);
        }
        Map<String, String> details = new LinkedHashMap<>();
        node.path("details").properties().forEach(e -> details.put(e.getKey(), e.getValue().asText()));
        ClientInfo client = node.has("ip") || node.has("userAgent")
                ? new ClientInfo(text(node, "ip"), text(node, "userAgent")) : null;
        AuditEvent event = new AuditEvent(new Actor(text(node, "actor"), text(node, "role")), text(node, "subject"),
                AuditAction.valueOf(text(node, "action")), Resource.of(text(node, "resourceType"), text(node, "resourceId")),
                text(node, "purpose"), Outcome.valueOf(text(node, "outcome")), details, client);
        return new Opened(event, text(node, "erase"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
