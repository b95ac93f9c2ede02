package dev.hoheit.audit.internal;

import java.io.ByteArrayOutputStream;
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
        Writer out = new Writer();
        out.putLong(e.seq());
        out.putLong(e.recordedAt().getEpochSecond() * 1_000_000L + e.recordedAt().getNano() / 1_000);
        out.putString(e.actorTag());
        out.putString(e.actorRole());
        out.putBytes(e.actorEnc());
        out.putString(e.subjectTag());
        out.putBytes(e.subjectEnc());
        out.putString(e.action());
        out.putString(e.resourceType());
        out.putBytes(e.resourceEnc());
        out.putString(e.purpose());
        out.putString(e.outcome());
        out.putBytes(e.details());
        out.putLong(e.clientDay() == null ? Long.MIN_VALUE : e.clientDay());
        out.putBytes(e.clientEnc());
        return out.toByteArray();
    }

    static byte[] leafHash(StoredEvent event) {
        return dev.hoheit.audit.tlog.Merkle.leafHash(canonical(event));
    }

    /** A growable big-endian buffer. */
    private static final class Writer extends ByteArrayOutputStream {
        Writer() {
            super(1024); // a stored event is about 600 bytes: no regrowth
        }

        void putLong(long value) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                write((int) (value >>> shift));
            }
        }

        void putInt(int value) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                write(value >>> shift);
            }
        }

        void putBytes(byte[] bytes) {
            if (bytes == null) {
                putInt(-1);
            } else {
                putInt(bytes.length);
                write(bytes, 0, bytes.length);
            }
        }

        void putString(String text) {
            putBytes(text == null ? null : text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
