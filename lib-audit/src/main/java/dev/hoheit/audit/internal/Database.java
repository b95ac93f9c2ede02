package dev.hoheit.audit.internal;

import dev.hoheit.transaction.internal.Library;
import dev.hoheit.transaction.internal.LibrarySchema;
import dev.hoheit.transaction.internal.Platform;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.InsertOnDuplicateStep;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.TableField;

/** The log's database: its vendor and jOOQ contexts on the pool or on one connection (a transaction). */
final class Database {

    private final DataSource dataSource;
    private final Platform.Database vendor;
    private final Library.Contexts contexts;
    private final String schema;

    /** The log in the current schema of {@code dataSource}. */
    Database(DataSource dataSource) {
        this(dataSource, null);
    }

    /** The log in {@code schema}, which every statement names (null: the connection's current schema). */
    Database(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.contexts = AuditLibrary.LIBRARY.contexts(dataSource, schema);
        this.vendor = contexts.database();
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** The log's schema, or null for the connection's current schema. */
    String schema() {
        return schema;
    }

    /** {@code table} as plain SQL must name it: qualified with the log's schema when it has one. */
    String table(String table) {
        return LibrarySchema.qualified(schema, table);
    }

    boolean postgres() {
        return vendor == Platform.Database.POSTGRESQL;
    }

    boolean mariadb() {
        return vendor == Platform.Database.MARIADB;
    }

    /** A context on the pool: each statement on a connection of its own, auto-committed. */
    DSLContext dsl() {
        return contexts.pool();
    }

    /** A context on {@code connection}: statements join whatever transaction it is in. */
    DSLContext dsl(Connection connection) {
        return contexts.onConnection().apply(connection);
    }

    /**
     * Binds an instant to a plain JDBC statement as the generated code stores it: with its offset on
     * H2 and PostgreSQL, as a UTC {@code DATETIME} on MariaDB (see {@code UtcInstantBinding}).
     */
    void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (mariadb()) {
            statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    /** Reads an instant from a plain JDBC result, the counterpart of {@link #setInstant}. */
    Instant getInstant(ResultSet rows, int index) throws SQLException {
        if (mariadb()) {
            LocalDateTime stored = rows.getObject(index, LocalDateTime.class);
            return stored == null ? null : stored.toInstant(ZoneOffset.UTC);
        }
        OffsetDateTime stored = rows.getObject(index, OffsetDateTime.class);
        return stored == null ? null : stored.toInstant();
    }

    /**
     * Runs an insert that does nothing when a row with the same key exists. On MariaDB jOOQ would
     * render that as {@code INSERT IGNORE}, which also turns a too-long value or a failed check into
     * a warning (and stores the row cut or altered); a no-op {@code ON DUPLICATE KEY UPDATE} ignores
     * duplicates only. {@code key} is any column of the table's key.
     */
    static <R extends Record, T> int insertUnlessDuplicate(InsertOnDuplicateStep<R> insert, TableField<R, T> key) {
        return insert.configuration().family() == SQLDialect.MARIADB
                ? insert.onDuplicateKeyUpdate().set(key, key).execute()
                : insert.onDuplicateKeyIgnore().execute();
    }
}
