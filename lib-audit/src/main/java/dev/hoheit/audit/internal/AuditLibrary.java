package dev.hoheit.audit.internal;

import dev.hoheit.audit.AuditException;
import dev.hoheit.audit.AuditSchema;
import dev.hoheit.audit.internal.jooq.DefaultSchema;
import dev.hoheit.transaction.internal.Checks;
import dev.hoheit.transaction.internal.Library;
import dev.hoheit.transaction.internal.LibraryMigrations;
import javax.sql.DataSource;

/** This library as the shared plumbing sees it: its failures are {@link AuditException}s. */
public final class AuditLibrary {

    /** The audit library. */
    public static final Library LIBRARY = new Library("audit", AuditLibrary.class,
            (failure, message, cause) -> new AuditException(AuditException.Problem.valueOf(failure.name()), message, cause));
    /** Its argument checks. */
    public static final Checks CHECKS = LIBRARY.checks();

    private AuditLibrary() {
    }

    /** Migrates {@code schema} (null: the current one) with this library's scripts and history table. */
    public static int migrate(DataSource dataSource, String schema) {
        return LibraryMigrations.migrate(LIBRARY, dataSource, AuditSchema.LOCATION, AuditSchema.HISTORY_TABLE, schema);
    }

    /** Fails with {@link AuditException.Problem#SCHEMA_MISMATCH} unless {@code schema} holds every table and column the log uses. */
    public static void requireCurrent(DataSource dataSource, String schema) {
        LibraryMigrations.requireCurrent(LIBRARY, dataSource, schema, DefaultSchema.DEFAULT_SCHEMA);
    }
}
