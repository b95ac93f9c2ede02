package dev.hoheit.audit;

import java.time.Instant;

/**
 * Proof that an event is stored: its place in the log and its leaf hash.
 *
 * @param seq position in the log, from 1, gap-free; the event is leaf {@code seq - 1} of the Merkle tree
 * @param recordedAt when the log wrote it (never earlier than the event before it)
 * @param leafHash the RFC 6962 leaf hash of the stored entry, lower-case hex
 * @since 0.1
 */
public record AuditReceipt(long seq, Instant recordedAt, String leafHash) {
}
