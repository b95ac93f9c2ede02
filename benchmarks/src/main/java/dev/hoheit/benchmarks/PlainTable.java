package dev.hoheit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.LongFunction;
import javax.sql.DataSource;

/**
 * The baselines: plain JDBC on a plain table with the columns of {@code audit_entry}. The read methods
 * also work on {@code audit_entry} itself, which separates the database's share of a library call
 * from the library's own work.
 */
final class PlainTable {

    static final String COLUMNS = "seq, recorded_at, actor_tag, actor_role, actor_enc, subject_tag, subject_enc,"
            + " action, resource_type, resource_enc, purpose, outcome, details, client_day, client_enc";

    private static final String COLUMN_TYPES = "seq BIGINT NOT NULL, recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,"
            + " actor_tag VARCHAR(43), actor_role VARCHAR(64) NOT NULL, actor_enc BYTEA, subject_tag VARCHAR(43),"
            + " subject_enc BYTEA, action VARCHAR(32) NOT NULL, resource_type VARCHAR(64) NOT NULL, resource_enc BYTEA,"
            + " purpose VARCHAR(200), outcome VARCHAR(16) NOT NULL, details BYTEA, client_day INTEGER, client_enc BYTEA";
    private static final int COLUMN_COUNT = 15;

    private final DataSource dataSource;
    private final String name;

    PlainTable(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.name = name;
    }

    String name() {
        return name;
    }

    /**
     * Creates the table with the same columns, primary key and secondary indexes as {@code audit_entry}
     * (subject, actor, time), but not partitioned.
     */
    void createLikeAuditEntry() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + name + " (" + COLUMN_TYPES
                    + ", CONSTRAINT " + name + "_pk PRIMARY KEY (seq, recorded_at))");
            statement.execute("CREATE INDEX " + name + "_subject_ix ON " + name + " (subject_tag, seq)");
            statement.execute("CREATE INDEX " + name + "_actor_ix ON " + name + " (actor_tag, seq)");
            statement.execute("CREATE INDEX " + name + "_time_ix ON " + name + " (recorded_at)");
        }
    }

    /** Inserts rows {@code first..first+count-1} in JDBC batches of {@code batchSize}, one commit per batch. */
    void insertBatched(long first, long count, int batchSize, LongFunction<AuditTraffic.PlainRow> rows) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(insertSql())) {
            connection.setAutoCommit(false);
            int pending = 0;
            long end = first + count;
            for (long i = first; i < end; i++) {
                bind(insert, rows.apply(i));
                insert.addBatch();
                if (++pending == batchSize || i == end - 1) {
                    insert.executeBatch();
                    connection.commit();
                    pending = 0;
                }
            }
            connection.setAutoCommit(true);
        }
    }

    /**
     * Inserts {@code rows} in transactions of {@code perCommit} rows, each written as multi-row
     * INSERT statements of {@code perStatement} rows: the library's write of a batch on databases
     * without COPY.
     */
    void insertMultiRow(java.util.List<AuditTraffic.PlainRow> rows, int perCommit, int perStatement) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            PreparedStatement full = null;
            try {
                for (int from = 0; from < rows.size(); from += perCommit) {
                    int commitEnd = Math.min(rows.size(), from + perCommit);
                    for (int at = from; at < commitEnd; at += perStatement) {
                        int count = Math.min(perStatement, commitEnd - at);
                        if (count == perStatement && full == null) {
                            full = connection.prepareStatement(multiRowSql(perStatement));
                        }
                        PreparedStatement insert = count == perStatement ? full : connection.prepareStatement(multiRowSql(count));
                        for (int i = 0; i < count; i++) {
                            bind(insert, i * COLUMN_COUNT, rows.get(at + i));
                        }
                        insert.executeUpdate();
                        if (insert != full) {
                            insert.close();
                        }
                    }
                    connection.commit();
                }
            } finally {
                if (full != null) {
                    full.close();
                }
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * Writes {@code rows} by COPY (text format, encoded in this call) in transactions of
     * {@code perCommit} rows: the library's write of a batch on PostgreSQL.
     */
    void copyRows(java.util.List<AuditTraffic.PlainRow> rows, int perCommit) throws SQLException, java.io.IOException {
        java.util.HexFormat hex = java.util.HexFormat.of();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            org.postgresql.copy.CopyManager copy = connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            for (int from = 0; from < rows.size(); from += perCommit) {
                StringBuilder text = new StringBuilder(perCommit * 700);
                for (AuditTraffic.PlainRow row : rows.subList(from, Math.min(rows.size(), from + perCommit))) {
                    text.append(row.seq()).append('\t').append(OffsetDateTime.ofInstant(row.recordedAt(), ZoneOffset.UTC)).append('\t')
                            .append(row.actorTag()).append('\t').append(AuditTraffic.ROLE).append('\t')
                            .append("\\\\x").append(hex.formatHex(row.actorEnc())).append('\t')
                            .append(row.subjectTag()).append('\t').append("\\\\x").append(hex.formatHex(row.subjectEnc())).append('\t')
                            .append(AuditTraffic.ACTION).append('\t').append(AuditTraffic.RESOURCE_TYPE).append('\t')
                            .append("\\\\x").append(hex.formatHex(row.resourceEnc())).append('\t').append(row.purpose()).append('\t')
                            .append(AuditTraffic.OUTCOME).append('\t').append("\\\\x").append(hex.formatHex(row.details())).append('\t')
                            .append(row.clientDay()).append('\t').append("\\\\x").append(hex.formatHex(row.clientEnc())).append('\n');
                }
                copy.copyIn("COPY " + name + " (" + COLUMNS + ") FROM STDIN", new java.io.StringReader(text.toString()));
                connection.commit();
            }
            connection.setAutoCommit(true);
        }
    }

    /** Inserts one row and commits it, on a connection taken from the pool for this call. */
    void insertOne(AuditTraffic.PlainRow row) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(insertSql())) {
                bind(insert, row);
                insert.executeUpdate();
            }
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    /** Deletes the rows recorded before {@code cutoff} in one statement; returns how many. */
    int deleteBefore(Instant cutoff) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + name + " WHERE recorded_at < ?")) {
            connection.setAutoCommit(true);
            delete.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            return delete.executeUpdate();
        }
    }

    /**
     * Streams every row of {@code table} in {@code seq} order, reading every column the way the
     * library's verifier does; returns the number of rows.
     */
    static long streamAll(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return streamAll(connection, table);
        }
    }

    /** {@link #streamAll(DataSource, String)} on a given connection (left open). */
    static long streamAll(Connection connection, String table) throws SQLException {
        long rows = 0;
        long bytes = 0;
        connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " ORDER BY seq")) {
            select.setFetchSize(5_000);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    bytes += readAll(row);
                    rows++;
                }
            }
        } finally {
            connection.commit();
            connection.setAutoCommit(true);
        }
        if (bytes == 0 && rows > 0) {
            throw new BenchmarkException("read " + rows + " rows of " + table + " but no bytes");
        }
        return rows;
    }

    /**
     * Reads the row at {@code seq} from {@code table} by its primary key, every column as the verifier
     * reads it, on a connection taken from the pool for this call; returns how many rows (0 or 1).
     */
    static int one(DataSource dataSource, String table, long seq) throws SQLException {
        int rows = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE seq = ?")) {
            select.setLong(1, seq);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    readAll(row);
                    rows++;
                }
            }
        }
        return rows;
    }

    /** Reads the newest {@code limit} rows with {@code subjectTag} from {@code table}; returns how many. */
    static int newest(DataSource dataSource, String table, String subjectTag, int limit) throws SQLException {
        int rows = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                     + " WHERE subject_tag = ? ORDER BY seq DESC LIMIT ?")) {
            select.setString(1, subjectTag);
            select.setInt(2, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    readAll(row);
                    rows++;
                }
            }
        }
        return rows;
    }

    /**
     * Fills the table with {@code count} audit-shaped rows generated inside PostgreSQL
     * ({@code generate_series}), rows of subject {@code n} carrying {@link AuditTraffic#tag}("s", n).
     * Byte columns have the lengths of the library's sealed fields; their content is md5-derived.
     */
    void fillInDatabase(long count, int subjects, int actors, Instant from, double secondsPerRow) throws SQLException {
        int[] lengths = AuditTraffic.typicalSealedLengths();
        String sql = "INSERT INTO " + name + " (" + COLUMNS + ")"
                + " SELECT g, t.at, plain_tag('a', (g * 7919) % " + actors + "), '" + AuditTraffic.ROLE + "',"
                + " substring(p.pool from 1 for " + AuditTraffic.SEAL_OVERHEAD + " + length('mentor-' || ((g * 7919) % " + actors + "))),"
                + " plain_tag('s', g % " + subjects + "),"
                + " substring(p.pool from 17 for " + AuditTraffic.SEAL_OVERHEAD + " + length('mentee-' || (g % " + subjects + "))),"
                + " '" + AuditTraffic.ACTION + "', '" + AuditTraffic.RESOURCE_TYPE + "', substring(p.pool from 33 for " + lengths[0] + "),"
                + " 'grant:' || lpad(to_hex((g % " + subjects + ")::int), 8, '0'), '" + AuditTraffic.OUTCOME + "',"
                + " substring(p.pool from 49 for " + lengths[1] + "), (extract(epoch from t.at) / 86400)::int,"
                + " substring(p.pool from 5 for " + lengths[2] + ")"
                + " FROM generate_series(1::bigint, ?) AS g"
                + " CROSS JOIN LATERAL (SELECT decode(repeat(md5(g::text), 16), 'hex') AS pool) p"
                + " CROSS JOIN LATERAL (SELECT ?::timestamptz + make_interval(secs => g * ?) AS at) t";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + name + " (" + COLUMN_TYPES + ")");
            statement.execute("CREATE OR REPLACE FUNCTION plain_tag(prefix text, n bigint) RETURNS text IMMUTABLE LANGUAGE sql"
                    + " AS $$ SELECT substr(encode(sha256(convert_to(prefix || n, 'UTF8')), 'base64'), 1, 43) $$");
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setLong(1, count);
                insert.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
                insert.setDouble(3, secondsPerRow);
                insert.executeUpdate();
            }
            statement.execute("ALTER TABLE " + name + " ADD CONSTRAINT " + name + "_pk PRIMARY KEY (seq)");
            statement.execute("CREATE INDEX " + name + "_subject_ix ON " + name + " (subject_tag, seq)");
            statement.execute("ANALYZE " + name);
        }
    }

    private String insertSql() {
        return "INSERT INTO " + name + " (" + COLUMNS + ") VALUES (" + "?, ".repeat(COLUMN_COUNT - 1) + "?)";
    }

    private String multiRowSql(int rows) {
        String one = "(" + "?, ".repeat(COLUMN_COUNT - 1) + "?)";
        return "INSERT INTO " + name + " (" + COLUMNS + ") VALUES " + String.join(", ", java.util.Collections.nCopies(rows, one));
    }

    private static void bind(PreparedStatement insert, AuditTraffic.PlainRow row) throws SQLException {
        bind(insert, 0, row);
    }

    /** Binds {@code row} to parameters {@code offset + 1 .. offset + 15}, its time with an offset (H2, PostgreSQL). */
    private static void bind(PreparedStatement insert, int offset, AuditTraffic.PlainRow row) throws SQLException {
        bind(insert, offset, row, OffsetDateTime.ofInstant(row.recordedAt(), ZoneOffset.UTC));
    }

    /** Binds {@code row} to parameters {@code offset + 1 .. offset + 15}, its time as {@code recordedAt} (MariaDB: a UTC DATETIME). */
    static void bind(PreparedStatement insert, int offset, AuditTraffic.PlainRow row, Object recordedAt) throws SQLException {
        insert.setLong(offset + 1, row.seq());
        insert.setObject(offset + 2, recordedAt);
        insert.setString(offset + 3, row.actorTag());
        insert.setString(offset + 4, AuditTraffic.ROLE);
        insert.setBytes(offset + 5, row.actorEnc());
        insert.setString(offset + 6, row.subjectTag());
        insert.setBytes(offset + 7, row.subjectEnc());
        insert.setString(offset + 8, AuditTraffic.ACTION);
        insert.setString(offset + 9, AuditTraffic.RESOURCE_TYPE);
        insert.setBytes(offset + 10, row.resourceEnc());
        insert.setString(offset + 11, row.purpose());
        insert.setString(offset + 12, AuditTraffic.OUTCOME);
        insert.setBytes(offset + 13, row.details());
        insert.setInt(offset + 14, row.clientDay());
        insert.setBytes(offset + 15, row.clientEnc());
    }

    /** Reads every column as the library's verifier does; returns the number of bytes in the byte columns. */
    private static long readAll(ResultSet row) throws SQLException {
        row.getLong(1);
        row.getObject(2, OffsetDateTime.class);
        row.getString(3);
        row.getString(4);
        long bytes = length(row.getBytes(5));
        row.getString(6);
        bytes += length(row.getBytes(7));
        row.getString(8);
        row.getString(9);
        bytes += length(row.getBytes(10));
        row.getString(11);
        row.getString(12);
        bytes += length(row.getBytes(13));
        row.getInt(14);
        bytes += length(row.getBytes(15));
        return bytes;
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
