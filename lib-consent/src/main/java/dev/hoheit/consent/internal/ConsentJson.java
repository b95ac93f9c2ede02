package dev.hoheit.consent.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoheit.consent.AccessGrant;
import dev.hoheit.consent.Decision;
import dev.hoheit.consent.GrantEvent;

/** JSON shapes of decisions and grants, shared by the export and the receipts. */
final class ConsentJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private ConsentJson() {
    }

    static ObjectNode decision(Decision d) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("decisionId", d.id().toString());
        node.put("sequence", d.sequence());
        node.put("purposeId", d.purposeId());
        node.put("noticeVersion", d.notice().version());
        node.put("noticeLanguage", d.notice().language());
        node.put("choice", d.choice().name());
        node.put("subjectRole", d.subjectRole());
        node.put("method", d.method());
        node.put("decidedAt", d.decidedAt().toString());
        d.expiresAt().ifPresent(expiry -> node.put("expiresAt", expiry.toString()));
        d.evidence().ifPresent(evidence -> {
            node.put("channel", evidence.channel());
            if (evidence.userAgent() != null) {
                node.put("userAgent", evidence.userAgent());
            }
        });
        return node;
    }

    static ObjectNode grant(AccessGrant g, Iterable<GrantEvent> history) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("grantId", g.id().toString());
        node.put("subjectId", g.subjectId());
        node.put("granteeId", g.granteeId());
        node.put("granteeRole", g.granteeRole());
        ArrayNode scopes = node.putArray("scopes");
        g.scopes().stream().sorted().forEach(scopes::add);
        node.put("origin", g.origin().name());
        node.put("createdBy", g.createdBy());
        node.put("createdAt", g.createdAt().toString());
        g.expiresAt().ifPresent(expiry -> node.put("expiresAt", expiry.toString()));
        node.put("status", g.status().name());
        node.put("statusSince", g.statusSince().toString());
        ArrayNode steps = node.putArray("history");
        for (GrantEvent event : history) {
            ObjectNode step = steps.addObject();
            step.put("status", event.status().name());
            step.put("actorId", event.actorId());
            step.put("at", event.at().toString());
            event.reason().ifPresent(reason -> step.put("reason", reason));
        }
        return node;
    }
}
