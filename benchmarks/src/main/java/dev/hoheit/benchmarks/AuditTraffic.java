package dev.hoheit.benchmarks;

import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.ClientInfo;
import dev.hoheit.audit.Resource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Realistic audit traffic (mentors viewing mentees' plans) and the audit-shaped rows of the baseline
 * tables. A baseline row has the same columns as a stored audit entry ({@code audit_entry}) and byte
 * columns of the same lengths the library would store for the same event (AES-GCM adds a 12-byte
 * nonce and a 16-byte tag).
 */
final class AuditTraffic {

    /** Bytes AES-256-GCM adds to every sealed field: nonce and tag. */
    static final int SEAL_OVERHEAD = 12 + 16;
    static final String ROLE = "mentor";
    static final String ACTION = AuditAction.VIEW.name();
    static final String RESOURCE_TYPE = "plan";
    static final String OUTCOME = "ALLOWED";
    static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/126.0.0.0 Safari/537.36";

    /** A baseline row: every column of {@code audit_entry} but the constant ones ({@link #ROLE} and so on). */
    record PlainRow(long seq, Instant recordedAt, String actorTag, byte[] actorEnc, String subjectTag, byte[] subjectEnc,
                    byte[] resourceEnc, String purpose, byte[] details, int clientDay, byte[] clientEnc) {
    }

    private final int actors;
    private final int subjects;
    private final String[] actorTags;
    private final String[] subjectTags;

    AuditTraffic(int actors, int subjects) {
        this.actors = actors;
        this.subjects = subjects;
        this.actorTags = new String[actors];
        this.subjectTags = new String[subjects];
        for (int a = 0; a < actors; a++) {
            actorTags[a] = tag("a", a);
        }
        for (int s = 0; s < subjects; s++) {
            subjectTags[s] = tag("s", s);
        }
    }

    int actors() {
        return actors;
    }

    int subjects() {
        return subjects;
    }

    static String actorId(int actor) {
        return "mentor-" + actor;
    }

    static String subjectId(int subject) {
        return "mentee-" + subject;
    }

    /** The lookup tag of a baseline row's subject; {@code plain_tag('s', n)} in SQL gives the same. */
    String subjectTag(int subject) {
        return subjectTags[subject];
    }

    /** Event number {@code i}: {@code actor} viewed a plan of {@code subject}, with details and client data. */
    AuditEvent event(long i, int actor, int subject) {
        return AuditEvent.of(Actor.of(actorId(actor), ROLE), AuditAction.VIEW, Resource.of(RESOURCE_TYPE, resourceId(i)))
                .about(subjectId(subject))
                .allowedBy(purpose(subject))
                .withDetails(details(i))
                .from(ClientInfo.of(ip(i), USER_AGENT));
    }

    /** The baseline row for event number {@code i}. */
    PlainRow row(long seq, Instant recordedAt, long i, int actor, int subject, RandomGenerator random) {
        return new PlainRow(seq, recordedAt,
                actorTags[actor], sealed(utf8Length(actorId(actor)), random),
                subjectTags[subject], sealed(utf8Length(subjectId(subject)), random),
                sealed(utf8Length(resourceId(i)), random), purpose(subject),
                sealed(detailsJsonLength(i), random),
                (int) recordedAt.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay(),
                sealed(clientJsonLength(i), random));
    }

    /** Sealed lengths of a typical event's resource id, details and client data, for rows made in SQL. */
    static int[] typicalSealedLengths() {
        return new int[] {utf8Length(resourceId(0)) + SEAL_OVERHEAD, detailsJsonLength(0) + SEAL_OVERHEAD,
                clientJsonLength(100) + SEAL_OVERHEAD};
    }

    static String purpose(int subject) {
        return String.format(Locale.ROOT, "grant:%08x", subject * 0x9E3779B1);
    }

    static String resourceId(long i) {
        return String.format(Locale.ROOT, "week-2026-%02d", i % 52 + 1);
    }

    static Map<String, String> details(long i) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("page", String.format(Locale.ROOT, "plan-week-%02d", i % 52 + 1));
        details.put("via", i % 3 == 0 ? "app" : "web");
        return details;
    }

    static String ip(long i) {
        return "203.0.113." + (i % 254 + 1);
    }

    private static int detailsJsonLength(long i) {
        Map<String, String> details = details(i);
        return utf8Length("{\"page\":\"" + details.get("page") + "\",\"via\":\"" + details.get("via") + "\"}");
    }

    private static int clientJsonLength(long i) {
        return utf8Length("{\"ip\":\"" + ip(i) + "\",\"userAgent\":\"" + USER_AGENT + "\"}");
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static byte[] sealed(int plaintextLength, RandomGenerator random) {
        return bytes(plaintextLength + SEAL_OVERHEAD, random);
    }

    private static byte[] bytes(int length, RandomGenerator random) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** 43 characters like a real tag: the first 43 of base64(SHA-256(prefix || n)). */
    static String tag(String prefix, int n) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((prefix + n).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest).substring(0, 43);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
