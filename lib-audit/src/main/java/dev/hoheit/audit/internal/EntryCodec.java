package dev.hoheit.audit.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The canonical bytes of a stored event: the entry that the Merkle tree's leaf hashes
 * ({@code SHA-256(0x00 || entry)}, RFC 6962) and that entry bundles carry.
 *
 * <p>The canonical form is every stored column, in a fixed order, each length-prefixed (a null is
 * length -1); times are whole microseconds, which every supported database stores exactly. The
 * position is part of it, so an entry cannot be moved to another leaf.
 */
final class EntryCodec {

    private EntryCodec() {
    }

    /** Cuts an instant to whole microseconds, the precision both databases keep. */
    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static byte[] canonical(StoredEvent e) {
        // Encoded once into an array of the exact size (this runs for every entry appended and verified).
        byte[] actorTag = utf8(e.actorTag());
        byte[] actorRole = utf8(e.actorRole());
        byte[] subjectTag = utf8(e.subjectTag());
        byte[] action = utf8(e.action());
        byte[] resourceType = utf8(e.resourceType());
        byte[] purpose = utf8(e.purpose());
        byte[] outcome = utf8(e.outcome());
        int size = 3 * Long.BYTES + length(actorTag) + length(actorRole) + length(e.actorEnc()) + length(subjectTag)
                + length(e.subjectEnc()) + length(action) + length(resourceType) + length(e.resourceEnc()) + length(purpose)
                + length(outcome) + length(e.details()) + length(e.clientEnc());
        ByteBuffer out = ByteBuffer.allocate(size); // big-endian
        out.putLong(e.seq());
        out.putLong(e.recordedAt().getEpochSecond() * 1_000_000L + e.recordedAt().getNano() / 1_000);
        putBytes(out, actorTag);
        putBytes(out, actorRole);
        putBytes(out, e.actorEnc());
        putBytes(out, subjectTag);
        putBytes(out, e.subjectEnc());
        putBytes(out, action);
        putBytes(out, resourceType);
        putBytes(out, e.resourceEnc());
        putBytes(out, purpose);
        putBytes(out, outcome);
        putBytes(out, e.details());
        out.putLong(e.clientDay() == null ? Long.MIN_VALUE : e.clientDay());
        putBytes(out, e.clientEnc());
        return out.array();
    }

    static byte[] leafHash(StoredEvent event) {
        return dev.hoheit.audit.tlog.Merkle.leafHash(canonical(event));
    }

    /** A length prefix (-1 for null) and the bytes. */
    private static void putBytes(ByteBuffer out, byte[] bytes) {
        if (bytes == null) {
            out.putInt(-1);
        } else {
            out.putInt(bytes.length).put(bytes);
        }
    }

    /** The encoded size of a length-prefixed field. */
    private static int length(byte[] bytes) {
        return Integer.BYTES + (bytes == null ? 0 : bytes.length);
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
