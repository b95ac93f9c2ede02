package dev.hoheit.audit.internal;

import java.time.Instant;

/**
 * An event as stored: the columns of {@code audit_event}. Personal fields are ciphertext;
 * {@code details} is ciphertext too unless the event has no owner (events of the log itself).
 */
record StoredEvent(long seq, Instant recordedAt, String actorTag, String actorRole, byte[] actorEnc,
                   String subjectTag, byte[] subjectEnc, String action, String resourceType, byte[] resourceEnc,
                   String purpose, String outcome, byte[] details, Integer clientDay, byte[] clientEnc,
                   byte[] prevHash, byte[] hash) {

    /** The same event placed in the chain. */
    StoredEvent placed(long newSeq, Instant newRecordedAt, byte[] newPrevHash, byte[] newHash) {
        return new StoredEvent(newSeq, newRecordedAt, actorTag, actorRole, actorEnc, subjectTag, subjectEnc, action,
                resourceType, resourceEnc, purpose, outcome, details, clientDay, clientEnc, newPrevHash, newHash);
    }
}
