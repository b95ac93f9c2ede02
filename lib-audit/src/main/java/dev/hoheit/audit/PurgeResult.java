package dev.hoheit.audit;

import java.time.Duration;
import java.time.Instant;

/**
 * What {@link AuditLog#purgeBefore} deleted. The same facts are recorded as a PURGE event.
 *
 * @param cutoff events recorded before this instant were deleted
 * @param eventsDeleted how many events were deleted
 * @param boundarySeq the first retained position
 * @param boundaryHash the chain hash just before the first retained position, lower-case hex
 * @param partitionsDropped how many monthly partitions were dropped whole (PostgreSQL only)
 * @param purgeEventSeq the position of the PURGE event that records this purge
 * @param took how long it took
 * @since 0.1
 */
public record PurgeResult(Instant cutoff, long eventsDeleted, long boundarySeq, String boundaryHash,
                          int partitionsDropped, long purgeEventSeq, Duration took) {
}
