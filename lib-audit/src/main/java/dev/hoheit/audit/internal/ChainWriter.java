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
    private final String insertSql;

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
        this.insertSql = db.render(db.insertInto(AUDIT_EVENT, AUDIT_EVENT.SEQ, AUDIT_EVENT.RECORDED_AT, AUDIT_EVENT.ACTOR_TAG,
                        AUDIT_EVENT.ACTOR_ROLE, AUDIT_EVENT.ACTOR_ENC, AUDIT_EVENT.SUBJECT_TAG, AUDIT_EVENT.SUBJECT_ENC,
                        AUDIT_EVENT.ACTION, AUDIT_EVENT.RESOURCE_TYPE, AUDIT_EVENT.RESOURCE_ENC, AUDIT_EVENT.PURPOSE,
                        AUDIT_EVENT.OUTCOME, AUDIT_EVENT.DETAILS, AUDIT_EVENT.CLIENT_DAY, AUDIT_EVENT.CLIENT_ENC,
                        AUDIT_EVENT.PREV_HASH, AUDIT_EVENT.HASH)
                .values(Collections.nCopies(17, (Object) null)));
    }

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
        partitions.ensure(clock.instant());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Head head = readHead(connection, lockHeadSql);
                Instant now = EventCodec.micros(clock.instant());
                Instant at = now.isAfter(head.recordedAt()) ? now : head.recordedAt();
                List<StoredEvent> placed = new ArrayList<>(events.size());
                long seq = head.seq();
                byte[] previous = head.hash();
                try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
                    for (StoredEvent event : events) {
                        seq++;
                        StoredEvent positioned = event.placed(seq, at, previous, null);
                        byte[] hash = EventCodec.hash(previous, positioned);
                        positioned = positioned.placed(seq, at, previous, hash);
                        bind(insert, positioned);
                        insert.addBatch();
                        placed.add(positioned);
                        previous = hash;
                    }
                    insert.executeBatch();
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

    private static void bind(PreparedStatement insert, StoredEvent e) throws SQLException {
        insert.setLong(1, e.seq());
        insert.setObject(2, OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC));
        insert.setString(3, e.actorTag());
        insert.setString(4, e.actorRole());
        insert.setBytes(5, e.actorEnc());
        insert.setString(6, e.subjectTag());
        insert.setBytes(7, e.subjectEnc());
        insert.setString(8, e.action());
        insert.setString(9, e.resourceType());
        insert.setBytes(10, e.resourceEnc());
        insert.setString(11, e.purpose());
        insert.setString(12, e.outcome());
        insert.setBytes(13, e.details());
        if (e.clientDay() == null) {
            insert.setNull(14, Types.INTEGER);
        } else {
            insert.setInt(14, e.clientDay());
        }
        insert.setBytes(15, e.clientEnc());
        insert.setBytes(16, e.prevHash());
        insert.setBytes(17, e.hash());
    }
}
