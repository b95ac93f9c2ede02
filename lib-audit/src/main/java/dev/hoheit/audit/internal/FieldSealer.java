package dev.hoheit.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEntry;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditException;
import dev.hoheit.audit.ClientInfo;
import dev.hoheit.audit.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an event into its stored form and back. The actor's id is sealed with the actor's key, the
 * subject's id with the subject's key, the resource id and details with the key of the person whose
 * data it is (the subject, else the actor), client data with the day's key. Events of the log itself
 * have no owner and keep their details readable.
 */
final class FieldSealer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private final KeyRing keys;
    FieldSealer(KeyRing keys) {
        this.keys = keys;
    }

    /** The event's stored form, not yet placed in the tree; {@code at} is when it was appended. */
    StoredEvent seal(AuditEvent event, java.time.Instant at) {
        KeyRing.PersonKey actor = event.actor().isSystem() ? null : keys.personKey(event.actor().id());
        KeyRing.PersonKey subject = event.subjectId() == null ? null : keys.personKey(event.subjectId());
        KeyRing.PersonKey owner = subject != null ? subject : actor;
        byte[] details = event.details().isEmpty() ? null : json(event.details());
        Integer clientDay = null;
        byte[] clientEnc = null;
        if (event.client() != null && (event.client().ipAddress() != null || event.client().userAgent() != null)) {
            clientDay = (int) at.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
            Map<String, String> client = new LinkedHashMap<>();
            if (event.client().ipAddress() != null) {
                client.put("ip", event.client().ipAddress());
            }
            if (event.client().userAgent() != null) {
                client.put("userAgent", event.client().userAgent());
            }
            clientEnc = Crypto.encrypt(keys.dayKey(clientDay), json(client), "client");
        }
        return new StoredEvent(0, null,
                actor == null ? null : actor.tag(), event.actor().role(),
                actor == null ? null : encrypt(actor, event.actor().id(), "actor"),
                subject == null ? null : subject.tag(),
                subject == null ? null : encrypt(subject, event.subjectId(), "subject"),
                event.action().name(), event.resource().type(),
                event.resource().id() == null ? null : owner == null ? utf8(event.resource().id()) : encrypt(owner, event.resource().id(), "resource"),
                event.purpose(), event.outcome().name(),
                details == null ? null : owner == null ? details : Crypto.encrypt(owner.encryption(), details, "details"),
                clientDay, clientEnc);
    }

    /** The stored event, decrypted as far as its keys still exist. */
    AuditEntry open(StoredEvent e) {
        Optional<KeyRing.PersonKey> actor = e.actorTag() == null ? Optional.empty() : keys.byTag(e.actorTag());
        Optional<KeyRing.PersonKey> subject = e.subjectTag() == null ? Optional.empty() : keys.byTag(e.subjectTag());
        boolean ownerless = e.subjectTag() == null && e.actorTag() == null;
        Optional<KeyRing.PersonKey> owner = e.subjectTag() != null ? subject : actor;
        Optional<String> actorId = e.actorTag() == null ? Optional.of(Actor.SYSTEM_ID) : actor.map(k -> decryptText(k, e.actorEnc(), "actor"));
        Optional<String> subjectId = subject.map(k -> decryptText(k, e.subjectEnc(), "subject"));
        Optional<String> resourceId = e.resourceEnc() == null ? Optional.empty()
                : ownerless ? Optional.of(new String(e.resourceEnc(), StandardCharsets.UTF_8))
                : owner.map(k -> decryptText(k, e.resourceEnc(), "resource"));
        Map<String, String> details = Map.of();
        if (e.details() != null) {
            if (ownerless) {
                details = map(e.details());
            } else if (owner.isPresent()) {
                details = map(Crypto.decrypt(owner.get().encryption(), e.details(), "details"));
            }
        }
        Optional<ClientInfo> client = Optional.empty();
        if (e.clientEnc() != null) {
            client = keys.existingDayKey(e.clientDay()).map(day -> {
                Map<String, String> values = map(Crypto.decrypt(day, e.clientEnc(), "client"));
                return new ClientInfo(values.get("ip"), values.get("userAgent"));
            });
        }
        return new AuditEntry(e.seq(), e.recordedAt(), actorId, e.actorRole(), subjectId, AuditAction.valueOf(e.action()),
                e.resourceType(), resourceId, Optional.ofNullable(e.purpose()), Outcome.valueOf(e.outcome()),
                details, client, HexFormat.of().formatHex(EntryCodec.leafHash(e)));
    }

    /** Plain JSON details for an event of the log itself. */
    static byte[] json(Map<String, String> values) {
        try {
            return JSON.writeValueAsBytes(values);
        } catch (JsonProcessingException e) {
            throw new AuditException(AuditException.Problem.INVALID_ARGUMENT, "details cannot be written as JSON", e);
        }
    }

    private static Map<String, String> map(byte[] json) {
        try {
            return java.util.Collections.unmodifiableMap(JSON.readValue(json, MAP));
        } catch (IOException e) {
            throw new AuditException(AuditException.Problem.CRYPTO, "stored details are not readable JSON", e);
        }
    }

    private static byte[] encrypt(KeyRing.PersonKey key, String text, String context) {
        return Crypto.encrypt(key.encryption(), utf8(text), context);
    }

    private static String decryptText(KeyRing.PersonKey key, byte[] sealed, String context) {
        return new String(Crypto.decrypt(key.encryption(), sealed, context), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
