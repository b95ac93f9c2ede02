package dev.hoheit.audit.internal;

import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_ENTRY;
import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_TREE_HEAD;

import dev.hoheit.audit.tlog.TileAppender;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;

/**
 * Places entries in the tree. Only the integrator writes here, holding the head row's lock, so even
 * two integrators at once (a lease that ran out mid-batch) take turns and the tree never forks; a
 * batch's entries, the tiles they change and the new head are written in the integrator's transaction.
 *
 * <p>A recording time never goes back along the log ({@code max(clock, previous time)}), so entries
 * older than a cutoff always form a prefix of the log, which is what a purge removes.
 */
final class EntryWriter {

    /** The tree's head: its size, the time of its last entry and the purge boundary. */
    record Head(long size, Instant recordedAt, long minIndex) {
    }

    /** Rows per INSERT statement: one multi-row statement is far cheaper than as many single-row ones (H2; PostgreSQL below COPY_FROM). */
    static final int ROWS_PER_STATEMENT = 250;
    private static final int COLUMNS = 16; // the 15 of the leaf, and outbox_id
    /** From this many entries on, PostgreSQL gets them by COPY. */
    static final int COPY_FROM = 50;
    private static final String COPY_COLUMNS = "seq, recorded_at, actor_tag, actor_role, actor_enc, subject_tag, subject_enc,"
            + " action, resource_type, resource_enc, purpose, outcome, details, client_day, client_enc, outbox_id";

    private final Database database;
    private final Partitions partitions;
    private final ConcurrentHashMap<Integer, String> insertSql = new ConcurrentHashMap<>();

    EntryWriter(Database database, Partitions partitions) {
        this.database = database;
        this.partitions = partitions;
    }

    /** The current head, without locking. */
    Head head() {
        return readHead(database.dsl(), false);
    }

    static Head readHead(DSLContext context, boolean lock) {
        var select = context.select(AUDIT_TREE_HEAD.TREE_SIZE, AUDIT_TREE_HEAD.RECORDED_AT, AUDIT_TREE_HEAD.MIN_INDEX)
                .from(AUDIT_TREE_HEAD).where(AUDIT_TREE_HEAD.ID.eq(DSL.inline(1)));
        Record3<Long, Instant, Long> row = lock ? select.forUpdate().fetchOne() : select.fetchOne();
        if (row == null) {
            throw new dev.hoheit.audit.AuditException(dev.hoheit.audit.AuditException.Problem.STORAGE,
                    "audit_tree_head has no row: the audit schema is not migrated, or the row was deleted");
        }
        return new Head(row.value1(), row.value2(), row.value3());
    }

    /** Placed entries with their leaf hashes, in order. */
    record Placed(List<StoredEvent> events, List<byte[]> leafHashes, long oldSize) {
    }

    /**
     * Places {@code events} after {@code head} in the transaction of {@code connection} (the
     * integrator's, which holds the head's lock): each gets the next position and a recording time no
     * earlier than the one before it; the entries, the tiles they change and the new head are
     * written. The caller commits.
     *
     * @param times when each event was appended (its recording time unless that would go back)
     * @param outboxIds the outbox row each event came from (null for none)
     */
    Placed place(Connection connection, Head head, List<StoredEvent> events, List<Instant> times, List<Long> outboxIds)
            throws SQLException {
        DSLContext tx = database.dsl(connection);
        Instant previous = head.recordedAt();
        for (Instant time : times) {
            Instant at = EntryCodec.micros(time);
            previous = at.isAfter(previous) ? at : previous;
            // Before this transaction touches audit_entry: the partition DDL runs on another connection.
            partitions.ensure(previous);
        }
        previous = head.recordedAt();
        List<StoredEvent> placed = new ArrayList<>(events.size());
        List<byte[]> leaves = new ArrayList<>(events.size());
        long seq = head.size();
        for (int i = 0; i < events.size(); i++) {
            Instant at = EntryCodec.micros(times.get(i));
            previous = at.isAfter(previous) ? at : previous;
            seq++;
            StoredEvent positioned = events.get(i).placed(seq, previous);
            placed.add(positioned);
            leaves.add(EntryCodec.leafHash(positioned));
        }
        TileAppender.Appended appended = TileAppender.append(TileStore.uncached(tx), head.size(), leaves);
        insert(connection, placed, outboxIds);
        TileStore.write(tx, appended.tiles(), head.size());
        tx.update(AUDIT_TREE_HEAD)
                .set(AUDIT_TREE_HEAD.TREE_SIZE, seq)
                .set(AUDIT_TREE_HEAD.RECORDED_AT, previous)
                .where(AUDIT_TREE_HEAD.ID.eq(DSL.inline(1)))
                .execute();
        return new Placed(placed, leaves, head.size());
    }

    private void insert(Connection connection, List<StoredEvent> placed, List<Long> outboxIds) throws SQLException {
        if (database.postgres() && placed.size() >= COPY_FROM) {
            Optional<PostgresCopy> copy = PostgresCopy.on(connection);
            if (copy.isPresent()) {
                copy(copy.get(), database.table("audit_entry"), placed, outboxIds);
                return;
            }
        }
        if (database.mariadb()) {
            batch(connection, placed, outboxIds);
            return;
        }
        for (int from = 0; from < placed.size(); from += ROWS_PER_STATEMENT) {
            int to = Math.min(placed.size(), from + ROWS_PER_STATEMENT);
            try (PreparedStatement insert = connection.prepareStatement(insertSql(to - from))) {
                int offset = 0;
                for (int i = from; i < to; i++) {
                    bind(insert, offset, placed.get(i));
                    Long outboxId = outboxIds.get(i);
                    if (outboxId == null) {
                        insert.setNull(offset + COLUMNS, Types.BIGINT);
                    } else {
                        insert.setLong(offset + COLUMNS, outboxId);
                    }
                    offset += COLUMNS;
                }
                insert.executeUpdate();
            }
        }
    }

    /**
     * One JDBC batch of single-row INSERTs (MariaDB): MariaDB Connector/J sends it in its binary bulk
     * protocol, more than twice as fast as multi-row INSERTs, whose bytes it escapes into the statement's
     * text (MariaDbIntegrationBenchmark, section 3).
     */
    private void batch(Connection connection, List<StoredEvent> placed, List<Long> outboxIds) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(insertSql(1))) {
            for (int i = 0; i < placed.size(); i++) {
                bind(insert, 0, placed.get(i));
                Long outboxId = outboxIds.get(i);
                if (outboxId == null) {
                    insert.setNull(COLUMNS, Types.BIGINT);
                } else {
                    insert.setLong(COLUMNS, outboxId);
                }
                insert.addBatch();
            }
            long stored = 0;
            for (int count : insert.executeBatch()) {
                stored = count < 0 || stored < 0 ? -1 : stored + count; // SUCCESS_NO_INFO: the driver cannot tell
            }
            if (stored >= 0 && stored != placed.size()) {
                throw new SQLException("the batch stored " + stored + " of " + placed.size() + " entries", "58000");
            }
        }
    }

    /** COPY of the placed entries (PostgreSQL): faster than multi-row INSERTs for a batch (IntegrationBenchmark, section 7). */
    private static void copy(PostgresCopy copy, String table, List<StoredEvent> placed, List<Long> outboxIds) throws SQLException {
        StringBuilder data = new StringBuilder(placed.size() * 900);
        for (int i = 0; i < placed.size(); i++) {
            StoredEvent e = placed.get(i);
            data.append(e.seq()).append('\t');
            PostgresCopy.time(data, e.recordedAt());
            data.append('\t');
            PostgresCopy.text(data, e.actorTag());
            data.append('\t');
            PostgresCopy.text(data, e.actorRole());
            data.append('\t');
            PostgresCopy.bytes(data, e.actorEnc());
            data.append('\t');
            PostgresCopy.text(data, e.subjectTag());
            data.append('\t');
            PostgresCopy.bytes(data, e.subjectEnc());
            data.append('\t');
            PostgresCopy.text(data, e.action());
            data.append('\t');
            PostgresCopy.text(data, e.resourceType());
            data.append('\t');
            PostgresCopy.bytes(data, e.resourceEnc());
            data.append('\t');
            PostgresCopy.text(data, e.purpose());
            data.append('\t');
            PostgresCopy.text(data, e.outcome());
            data.append('\t');
            PostgresCopy.bytes(data, e.details());
            data.append('\t');
            PostgresCopy.text(data, e.clientDay() == null ? null : e.clientDay().toString());
            data.append('\t');
            PostgresCopy.bytes(data, e.clientEnc());
            data.append('\t');
            PostgresCopy.text(data, outboxIds.get(i) == null ? null : outboxIds.get(i).toString());
            data.append('\n');
        }
        long copied = copy.copy(table, COPY_COLUMNS, data);
        if (copied != placed.size()) {
            throw new SQLException("COPY stored " + copied + " of " + placed.size() + " entries", "58000");
        }
    }

    /** {@code INSERT INTO audit_entry (...) VALUES (?, ...), (?, ...)} for {@code rows} rows, rendered once per size. */
    private String insertSql(int rows) {
        return insertSql.computeIfAbsent(rows, n -> {
            DSLContext db = database.dsl();
            var insert = db.insertInto(AUDIT_ENTRY, AUDIT_ENTRY.SEQ, AUDIT_ENTRY.RECORDED_AT, AUDIT_ENTRY.ACTOR_TAG,
                    AUDIT_ENTRY.ACTOR_ROLE, AUDIT_ENTRY.ACTOR_ENC, AUDIT_ENTRY.SUBJECT_TAG, AUDIT_ENTRY.SUBJECT_ENC,
                    AUDIT_ENTRY.ACTION, AUDIT_ENTRY.RESOURCE_TYPE, AUDIT_ENTRY.RESOURCE_ENC, AUDIT_ENTRY.PURPOSE,
                    AUDIT_ENTRY.OUTCOME, AUDIT_ENTRY.DETAILS, AUDIT_ENTRY.CLIENT_DAY, AUDIT_ENTRY.CLIENT_ENC, AUDIT_ENTRY.OUTBOX_ID)
                    .values(Collections.nCopies(COLUMNS, (Object) null));
            for (int row = 1; row < n; row++) {
                insert = insert.values(Collections.nCopies(COLUMNS, (Object) null));
            }
            return db.render(insert);
        });
    }

    private void bind(PreparedStatement insert, int offset, StoredEvent e) throws SQLException {
        insert.setLong(offset + 1, e.seq());
        database.setInstant(insert, offset + 2, e.recordedAt());
        insert.setString(offset + 3, e.actorTag());
        insert.setString(offset + 4, e.actorRole());
        insert.setBytes(offset + 5, e.actorEnc());
        insert.setString(offset + 6, e.subjectTag());
        insert.setBytes(offset + 7, e.subjectEnc());
        insert.setString(offset + 8, e.action());
        insert.setString(offset + 9, e.resourceType());
        insert.setBytes(offset + 10, e.resourceEnc());
        insert.setString(offset + 11, e.purpose());
        insert.setString(offset + 12, e.outcome());
        insert.setBytes(offset + 13, e.details());
        if (e.clientDay() == null) {
            insert.setNull(offset + 14, Types.INTEGER);
        } else {
            insert.setInt(offset + 14, e.clientDay());
        }
        insert.setBytes(offset + 15, e.clientEnc());
    }
}
