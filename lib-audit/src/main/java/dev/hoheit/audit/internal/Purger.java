package dev.hoheit.audit.internal;

import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_ENTRY;
import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_TREE_HEAD;
import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_V1_EVENT;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the prefix of the log recorded before a cutoff (C2SP tlog-tiles pruning): the entries and
 * the level-0 tiles below the new minimum index go, the higher tiles and every checkpoint stay, so
 * every earlier checkpoint and every proof for retained entries still verifies.
 *
 * <p>Before anything is removed the start of the log is checked ({@link StartCheck}): a purge
 * refuses, and reports, entries missing that no earlier purge removed, so it can never launder a
 * gap. Then, in this order (each step crash-safe, the next purge finishes a stopped one): the PURGE
 * entry is appended (cutoff, policy, range), a checkpoint is sealed over it, the head's minimum
 * index is raised, entries are removed (whole months first on PostgreSQL), and level-0 tiles pruned.
 */
final class Purger {

    private static final Logger LOG = LoggerFactory.getLogger(Purger.class);
    private static final int DELETE_BATCH = 10_000;

    private final Database database;
    private final EntryWriter writer;
    private final TileStore tiles;
    private final Partitions partitions;
    private final StartCheck startCheck;
    private final Function<Map<String, String>, AuditReceipt> recordPurge;
    private final Runnable seal;

    Purger(Database database, EntryWriter writer, TileStore tiles, Partitions partitions, StartCheck startCheck,
           Function<Map<String, String>, AuditReceipt> recordPurge, Runnable seal) {
        this.database = database;
        this.writer = writer;
        this.tiles = tiles;
        this.partitions = partitions;
        this.startCheck = startCheck;
        this.recordPurge = recordPurge;
        this.seal = seal;
    }

    PurgeResult purgeBefore(Instant cutoff, String policy, Duration retention) {
        long started = System.nanoTime();
        EntryWriter.Head head = writer.head();
        StartCheck.Start start = startCheck.check(head);
        Long firstKept = database.dsl().select(DSL.min(AUDIT_ENTRY.SEQ)).from(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.RECORDED_AT.ge(cutoff)).fetchOne(0, Long.class);
        long newMinIndex = (firstKept != null ? firstKept : head.size() + 1) - 1;
        if (newMinIndex <= head.minIndex()) {
            int dropped = deleteUpTo(cutoff, head.minIndex()); // finishes a purge that stopped part-way
            tiles.pruneBelow(head.minIndex());
            return new PurgeResult(cutoff, 0, head.minIndex(), dropped, 0, Duration.ofNanos(System.nanoTime() - started));
        }
        startCheck.requireIntact(head.minIndex(), newMinIndex, start);
        Instant lastPurged = database.dsl().select(AUDIT_ENTRY.RECORDED_AT).from(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.SEQ.eq(newMinIndex)).fetchOne(AUDIT_ENTRY.RECORDED_AT);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("cutoff", cutoff.toString());
        details.put("policy", policy);
        details.put("retention", retention.toString());
        details.put("fromIndex", Long.toString(head.minIndex()));
        details.put("toIndex", Long.toString(newMinIndex));
        details.put("count", Long.toString(newMinIndex - head.minIndex()));
        if (lastPurged != null) {
            details.put("lastPurgedAt", lastPurged.toString());
        }
        AuditReceipt recorded = recordPurge.apply(details);
        seal.run();
        database.dsl().update(AUDIT_TREE_HEAD).set(AUDIT_TREE_HEAD.MIN_INDEX, newMinIndex)
                .where(AUDIT_TREE_HEAD.ID.eq(DSL.inline(1)).and(AUDIT_TREE_HEAD.MIN_INDEX.lt(newMinIndex)))
                .execute();
        int dropped = deleteUpTo(cutoff, newMinIndex);
        tiles.pruneBelow(newMinIndex);
        database.dsl().deleteFrom(AUDIT_V1_EVENT).where(AUDIT_V1_EVENT.RECORDED_AT.lt(cutoff)).execute();
        long count = newMinIndex - head.minIndex();
        LOG.info("Purged {} audit entr(ies) before {} ({} partition(s) dropped); minimum index now {}",
                count, cutoff, dropped, newMinIndex);
        return new PurgeResult(cutoff, count, newMinIndex, dropped, recorded.seq(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** Removes every entry at positions up to {@code lastSeq}: whole months first (PostgreSQL), then batches. */
    private int deleteUpTo(Instant cutoff, long lastSeq) {
        int dropped = 0;
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(true);
            for (YearMonth month : partitions.months(connection)) {
                // Times never go back along the log, so a month ending by the cutoff lies wholly at or below lastSeq.
                if (!Partitions.end(month).isAfter(cutoff)) {
                    partitions.drop(connection, month);
                    dropped++;
                }
            }
            Long low = database.dsl().select(DSL.min(AUDIT_ENTRY.SEQ)).from(AUDIT_ENTRY).fetchOne(0, Long.class);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + database.table("audit_entry") + " WHERE seq >= ? AND seq < ?")) {
                for (long start = low == null ? lastSeq + 1 : low; start <= lastSeq; start += DELETE_BATCH) {
                    delete.setLong(1, start);
                    delete.setLong(2, Math.min(lastSeq + 1, start + DELETE_BATCH));
                    delete.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new AuditException(Problem.STORAGE, "purge stopped part-way (SQLSTATE " + e.getSQLState()
                    + "); the next purge continues it", e);
        }
        return dropped;
    }
}
