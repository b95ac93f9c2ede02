package dev.hoheit.audit.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hoheit.audit.AuditEntry;
import java.io.IOException;
import java.util.Map;

/** The JSON shape of an entry in exports. */
final class AuditJson {

    private AuditJson() {
    }

    /**
     * Writes one entry; its client data (IP address, user agent) only when {@code withClient}: a
     * person's export carries her own client data, never that of the others who acted on her data.
     */
    static void write(JsonGenerator json, AuditEntry entry, boolean withClient) throws IOException {
        json.writeStartObject();
        json.writeNumberField("seq", entry.seq());
        json.writeStringField("recordedAt", entry.recordedAt().toString());
        json.writeStringField("actorId", entry.actorId().orElse(null));
        json.writeStringField("actorRole", entry.actorRole());
        json.writeStringField("subjectId", entry.subjectId().orElse(null));
        json.writeStringField("action", entry.action().name());
        json.writeStringField("resourceType", entry.resourceType());
        json.writeStringField("resourceId", entry.resourceId().orElse(null));
        json.writeStringField("purpose", entry.purpose().orElse(null));
        json.writeStringField("outcome", entry.outcome().name());
        json.writeObjectFieldStart("details");
        for (Map.Entry<String, String> detail : entry.details().entrySet()) {
            json.writeStringField(detail.getKey(), detail.getValue());
        }
        json.writeEndObject();
        if (withClient && entry.client().isPresent()) {
            json.writeObjectFieldStart("client");
            json.writeStringField("ipAddress", entry.client().get().ipAddress());
            json.writeStringField("userAgent", entry.client().get().userAgent());
            json.writeEndObject();
        }
        json.writeStringField("leafHash", entry.leafHash());
        json.writeEndObject();
    }
}
