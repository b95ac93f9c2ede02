package dev.hoheit.audit.internal;

import java.time.Instant;

/**
 * An event as stored: the columns of {@code audit_entry}. Personal fields are ciphertext;
 * {@code details} is ciphertext too unless the event has no owner (events of the log itself).
 * Its canonical bytes ({@link EntryCodec#canonical}) are the entry of the Merkle tree.
 */
record StoredEvent(long seq, Instant recordedAt, String actorTag, String actorRole, byte[] actorEnc,
                   String subjectTag, byte[] subjectEnc, String action, String resourceType, byte[] resourceEnc,
                   String purpose, String outcome, byte[] details, Integer clientDay, byte[] clientEnc) {

    /** The same event placed in the log at {@code newSeq} (leaf index {@code newSeq - 1}). */
    StoredEvent placed(long newSeq, Instant newRecordedAt) {
        return new StoredEvent(newSeq, newRecordedAt, actorTag, actorRole, actorEnc, subjectTag, subjectEnc, action,
                resourceType, resourceEnc, purpose, outcome, details, clientDay, clientEnc);
    }

    /** The leaf index of this event in the tree. */
    long leafIndex() {
        return seq - 1;
    }
}
