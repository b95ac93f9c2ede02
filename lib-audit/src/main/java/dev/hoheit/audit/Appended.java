package dev.hoheit.audit;

import java.time.Instant;

/**
 * An appended event that is <em>durable</em>: its outbox row is committed (in a transaction of the
 * log's own, or in the caller's once that commits). It is not yet <em>integrated</em> (has no
 * position in the tree and is not in queries); {@link AuditLog#awaitIntegrated} waits for that.
 *
 * @param outboxId the outbox row that holds it until it is integrated
 * @param appendedAt when it was appended, by the log's clock; its recording time is this or, should
 *                   the log's last entry be later, that entry's time
 * @since 0.2
 */
public record Appended(long outboxId, Instant appendedAt) {
}
