package dev.hoheit.audit;

import java.time.Instant;

/**
 * Proof that an event is stored: its place in the chain and its hash.
 *
 * @param seq position in the chain, from 1, gap-free
 * @param recordedAt when the log wrote it (never earlier than the event before it)
 * @param hash the chain hash after this event, lower-case hex
 * @since 0.1
 */
public record AuditReceipt(long seq, Instant recordedAt, String hash) {
}
