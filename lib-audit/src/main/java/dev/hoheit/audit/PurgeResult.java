package dev.hoheit.audit;

import java.time.Duration;
import java.time.Instant;

/**
 * What {@link AuditLog#purgeBefore} removed. The same facts are recorded as a PURGE entry.
 *
 * @param cutoff events recorded before this instant were removed
 * @param eventsDeleted how many entries were removed (0 when none was due; then nothing is recorded)
 * @param minIndex the log's minimum index afterwards (C2SP tlog-tiles pruning): leaves below it are
 *                 gone, the first retained event is at position {@code minIndex + 1}
 * @param partitionsDropped how many monthly partitions were dropped whole (PostgreSQL and MariaDB; 0 on H2)
 * @param purgeEventSeq the position of the PURGE entry that records this purge (0 when nothing was due)
 * @param took how long it took
 * @since 0.1
 */
public record PurgeResult(Instant cutoff, long eventsDeleted, long minIndex, int partitionsDropped,
                          long purgeEventSeq, Duration took) {
}
