package dev.hoheit.audit.internal;

import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_EVENT;
import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_HEAD;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Appends events to the chain. Every write locks the head row, so writers in any number of
 * instances take turns and the chain never forks; a batch of events shares one lock and one commit.
 *
 * <p>A recording time never goes back along the chain ({@code max(clock, previous time)}), so events
 * older than a cutoff always form a prefix of the chain, which is what a purge deletes.
 */
final class ChainWriter {

    /** The head of the chain. */
    record Head(long seq, byte[] hash, Instant recordedAt) {
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final Partitions partitions;
    private final String lockHeadSql;
    private final String readHeadSql;
    private final String updateHeadSql;
    private final DSLContext db;
    private final java.util.concurrent.ConcurrentHashMap<Integer, String> insertSql = new java.util.concurrent.ConcurrentHashMap<>();

    /** Rows per INSERT statement: one multi-row statement is far cheaper than as many single-row ones. */
    static final int ROWS_PER_STATEMENT = 250;

    ChainWriter(DataSource dataSource, DSLContext db, Clock clock, Partitions partitions) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.partitions = partitions;
        this.readHeadSql = db.render(db.select(AUDIT_HEAD.SEQ, AUDIT_HEAD.HASH, AUDIT_HEAD.RECORDED_AT)
                .from(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(DSL.inline(1))));
        this.lockHeadSql = db.render(db.select(AUDIT_HEAD.SEQ, AUDIT_HEAD.HASH, AUDIT_HEAD.RECORDED_AT)
                .from(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(DSL.inline(1))).forUpdate());
        this.updateHeadSql = db.render(db.update(AUDIT_HEAD)
                .set(AUDIT_HEAD.SEQ, (Long) null).set(AUDIT_HEAD.HASH, (byte[]) null).set(AUDIT_HEAD.RECORDED_AT, (Instant) null)
                .where(AUDIT_HEAD.ID.eq(DSL.inline(1))));
        this.db = db;
    }

    /** {@code INSERT INTO audit_event (...) VALUES (?, ...), (?, ...)} for {@code rows} rows, rendered once per size. */
    private String insertSql(int rows) {
        return insertSql.computeIfAbsent(rows, n -> {
            var insert = db.insertInto(AUDIT_EVENT, AUDIT_EVENT.SEQ, AUDIT_EVENT.RECORDED_AT, AUDIT_EVENT.ACTOR_TAG,
                    AUDIT_EVENT.ACTOR_ROLE, AUDIT_EVENT.ACTOR_ENC, AUDIT_EVENT.SUBJECT_TAG, AUDIT_EVENT.SUBJECT_ENC,
                    AUDIT_EVENT.ACTION, AUDIT_EVENT.RESOURCE_TYPE, AUDIT_EVENT.RESOURCE_ENC, AUDIT_EVENT.PURPOSE,
                    AUDIT_EVENT.OUTCOME, AUDIT_EVENT.DETAILS, AUDIT_EVENT.CLIENT_DAY, AUDIT_EVENT.CLIENT_ENC,
                    AUDIT_EVENT.PREV_HASH, AUDIT_EVENT.HASH).values(Collections.nCopies(COLUMNS, (Object) null));
            for (int row = 1; row < n; row++) {
                insert = insert.values(Collections.nCopies(COLUMNS, (Object) null));
            }
            return db.render(insert);
        });
    }

    private static final int COLUMNS = 17;

    /** The current head, without locking. */
    Head head() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return readHead(connection, readHeadSql);
        }
    }

    /**
     * Places {@code events} at the end of the chain and commits them; returns them with their
     * positions, times and hashes. On failure nothing is stored.
     */
    List<StoredEvent> append(List<StoredEvent> events) throws SQLException {
        // One reading of the clock for both: the partition made sure of is the one the events go to,
        // even if the clock jumps while this writer waits for the chain's lock.
        Instant now = EventCodec.micros(clock.instant());
        partitions.ensure(now);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Head head = readHead(connection, lockHeadSql);
                Instant at = now.isAfter(head.recordedAt()) ? now : head.recordedAt();
                List<StoredEvent> placed = new ArrayList<>(events.size());
                long seq = head.seq();
                byte[] previous = head.hash();
                for (StoredEvent event : events) {
                    seq++;
                    StoredEvent positioned = event.placed(seq, at, previous, null);
                    byte[] hash = EventCodec.hash(previous, positioned);
                    placed.add(positioned.placed(seq, at, previous, hash));
                    previous = hash;
                }
                for (int from = 0; from < placed.size(); from += ROWS_PER_STATEMENT) {
                    List<StoredEvent> chunk = placed.subList(from, Math.min(placed.size(), from + ROWS_PER_STATEMENT));
                    try (PreparedStatement insert = connection.prepareStatement(insertSql(chunk.size()))) {
                        int offset = 0;
                        for (StoredEvent row : chunk) {
                            bind(insert, offset, row);
                            offset += COLUMNS;
                        }
                        insert.executeUpdate();
                    }
                }
                try (PreparedStatement update = connection.prepareStatement(updateHeadSql)) {
                    update.setLong(1, seq);
                    update.setBytes(2, previous);
                    update.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                    update.executeUpdate();
                }
                connection.commit();
                return placed;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static Head readHead(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("audit_head has no row: the audit schema is not migrated", "55000");
            }
            return new Head(row.getLong(1), row.getBytes(2), row.getObject(3, OffsetDateTime.class).toInstant());
        }
    }

    private static void bind(PreparedStatement insert, int offset, StoredEvent e) throws SQLException {
        insert.setLong(offset + 1, e.seq());
        insert.setObject(offset + 2, OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC));
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
        insert.setBytes(offset + 16, e.prevHash());
        insert.setBytes(offset + 17, e.hash());
    }
}
