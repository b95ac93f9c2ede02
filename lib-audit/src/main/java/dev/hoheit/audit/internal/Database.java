package dev.hoheit.audit.internal;

import dev.hoheit.transaction.internal.LibrarySchema;
import java.sql.Connection;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** The log's database: its vendor and jOOQ contexts on the pool or on one connection (a transaction). */
final class Database {

    private final DataSource dataSource;
    private final String vendor;
    private final SQLDialect dialect;
    private final Settings settings;
    private final DSLContext pool;
    private final String schema;

    /** The log in the current schema of {@code dataSource}. */
    Database(DataSource dataSource) {
        this(dataSource, null);
    }

    /** The log in {@code schema}, which every statement names (null: the connection's current schema). */
    Database(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.vendor = AuditMigrator.vendor(dataSource);
        this.dialect = vendor.equals("postgresql") ? SQLDialect.POSTGRES : SQLDialect.H2;
        this.settings = LibrarySchema.settings(schema);
        this.pool = DSL.using(dataSource, dialect, settings);
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
        return vendor.equals("postgresql");
    }

    /** A context on the pool: each statement on a connection of its own, auto-committed. */
    DSLContext dsl() {
        return pool;
    }

    /** A context on {@code connection}: statements join whatever transaction it is in. */
    DSLContext dsl(Connection connection) {
        return DSL.using(connection, dialect, settings);
    }
}
