package dev.hoheit.audit.internal;

import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_EVENT;

import dev.hoheit.audit.AuditException;
import dev.hoheit.audit.AuditException.Problem;
import dev.hoheit.audit.AuditReceipt;
import dev.hoheit.audit.PurgeResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the prefix of the chain recorded before a cutoff, keeping the rest verifiable.
 *
 * <p>Order matters for crash safety: the PURGE event (count, range, boundary position and hash) is
 * appended first, then events are deleted in ascending order, whole months first on PostgreSQL. A
 * purge stopped part-way leaves a contiguous suffix that the next purge finishes, and
 * {@link ChainVerifier} accepts a start at or before a recorded boundary.
 */
final class Purger {

    private static final Logger LOG = LoggerFactory.getLogger(Purger.class);
    private static final int DELETE_BATCH = 10_000;

    private final DataSource dataSource;
    private final DSLContext db;
    private final ChainWriter writer;
    private final Partitions partitions;
    private final Function<Map<String, String>, AuditReceipt> recordPurge;

    Purger(DataSource dataSource, DSLContext db, ChainWriter writer, Partitions partitions,
           Function<Map<String, String>, AuditReceipt> recordPurge) {
        this.dataSource = dataSource;
        this.db = db;
        this.writer = writer;
        this.partitions = partitions;
        this.recordPurge = recordPurge;
    }

    PurgeResult purgeBefore(Instant cutoff) {
        long started = System.nanoTime();
        Long first = db.select(DSL.min(AUDIT_EVENT.SEQ)).from(AUDIT_EVENT).fetchOne(0, Long.class);
        Long firstKept = db.select(DSL.min(AUDIT_EVENT.SEQ)).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.RECORDED_AT.ge(cutoff)).fetchOne(0, Long.class);
        ChainWriter.Head head = head();
        long boundary = firstKept != null ? firstKept : head.seq() + 1;
        long from = first != null ? first : boundary;
        byte[] boundaryHash = hashBefore(boundary, head);
        long count = Math.max(0, boundary - from);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("cutoff", cutoff.toString());
        details.put("count", Long.toString(count));
        details.put("fromSeq", Long.toString(from));
        details.put("toSeq", Long.toString(boundary - 1));
        details.put("boundarySeq", Long.toString(boundary));
        details.put("boundaryHash", HexFormat.of().formatHex(boundaryHash));
        AuditReceipt recorded = recordPurge.apply(details);
        int dropped = deletePrefix(cutoff, boundary);
        LOG.info("Purged {} audit event(s) before {} ({} partition(s) dropped); boundary at {}", count, cutoff, dropped, boundary);
        return new PurgeResult(cutoff, count, boundary, HexFormat.of().formatHex(boundaryHash), dropped,
                recorded.seq(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** The chain hash just before position {@code boundary}. */
    private byte[] hashBefore(long boundary, ChainWriter.Head head) {
        if (boundary - 1 == head.seq()) {
            return head.hash();
        }
        return db.select(AUDIT_EVENT.HASH).from(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.eq(boundary - 1))
                .fetchOptional(AUDIT_EVENT.HASH)
                // Already purged before: the first retained event carries it as its previous hash.
                .orElseGet(() -> db.select(AUDIT_EVENT.PREV_HASH).from(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.eq(boundary))
                        .fetchOptional(AUDIT_EVENT.PREV_HASH).orElse(EventCodec.GENESIS));
    }

    /** Deletes every event before {@code boundary}: whole months first (PostgreSQL), then batches. */
    private int deletePrefix(Instant cutoff, long boundary) {
        int dropped = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            for (YearMonth month : partitions.months(connection)) {
                // Times never go back along the chain, so a month ending by the cutoff lies wholly before the boundary.
                if (!Partitions.end(month).isAfter(cutoff)) {
                    partitions.drop(connection, month);
                    dropped++;
                }
            }
            Long low = db.select(DSL.min(AUDIT_EVENT.SEQ)).from(AUDIT_EVENT).fetchOne(0, Long.class);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM audit_event WHERE seq >= ? AND seq < ?")) {
                for (long start = low == null ? boundary : low; start < boundary; start += DELETE_BATCH) {
                    delete.setLong(1, start);
                    delete.setLong(2, Math.min(boundary, start + DELETE_BATCH));
                    delete.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new AuditException(Problem.STORAGE, "purge stopped part-way (SQLSTATE " + e.getSQLState()
                    + "); the next purge continues it", e);
        }
        return dropped;
    }

    private ChainWriter.Head head() {
        try {
            return writer.head();
        } catch (SQLException e) {
            throw new AuditException(Problem.STORAGE, "cannot read the chain's head", e);
        }
    }
}
