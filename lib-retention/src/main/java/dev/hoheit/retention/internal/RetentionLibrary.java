package dev.hoheit.retention.internal;

import dev.hoheit.retention.RetentionException;
import dev.hoheit.retention.RetentionSchema;
import dev.hoheit.retention.internal.jooq.DefaultSchema;
import dev.hoheit.transaction.internal.Checks;
import dev.hoheit.transaction.internal.Library;
import dev.hoheit.transaction.internal.LibraryMigrations;
import javax.sql.DataSource;

/** This library as the shared plumbing sees it: its failures are {@link RetentionException}s. */
public final class RetentionLibrary {

    /** The retention library. */
    public static final Library LIBRARY = new Library("retention", RetentionLibrary.class,
            (failure, message, cause) -> new RetentionException(RetentionException.Problem.valueOf(failure.name()), message, cause));
    /** Its argument checks. */
    public static final Checks CHECKS = LIBRARY.checks();

    private RetentionLibrary() {
    }

    /** Migrates {@code schema} (null: the current one) with this library's scripts and history table. */
    public static int migrate(DataSource dataSource, String schema) {
        return LibraryMigrations.migrate(LIBRARY, dataSource, RetentionSchema.LOCATION, RetentionSchema.HISTORY_TABLE, schema);
    }

    /** Fails with {@link RetentionException.Problem#SCHEMA_MISMATCH} unless {@code schema} holds every table and column the service uses. */
    public static void requireCurrent(DataSource dataSource, String schema) {
        LibraryMigrations.requireCurrent(LIBRARY, dataSource, schema, DefaultSchema.DEFAULT_SCHEMA);
    }
}
