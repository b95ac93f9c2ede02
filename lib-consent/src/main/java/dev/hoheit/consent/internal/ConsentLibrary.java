package dev.hoheit.consent.internal;

import dev.hoheit.consent.ConsentException;
import dev.hoheit.consent.ConsentSchema;
import dev.hoheit.consent.internal.jooq.DefaultSchema;
import dev.hoheit.transaction.internal.Checks;
import dev.hoheit.transaction.internal.Library;
import dev.hoheit.transaction.internal.LibraryMigrations;
import javax.sql.DataSource;

/** This library as the shared plumbing sees it: its failures are {@link ConsentException}s. */
public final class ConsentLibrary {

    /** The consent library. */
    public static final Library LIBRARY = new Library("consent", ConsentLibrary.class,
            (failure, message, cause) -> new ConsentException(ConsentException.Problem.valueOf(failure.name()), message, cause));
    /** Its argument checks. */
    public static final Checks CHECKS = LIBRARY.checks();

    private ConsentLibrary() {
    }

    /** Migrates {@code schema} (null: the current one) with this library's scripts and history table. */
    public static int migrate(DataSource dataSource, String schema) {
        return LibraryMigrations.migrate(LIBRARY, dataSource, ConsentSchema.LOCATION, ConsentSchema.HISTORY_TABLE, schema);
    }

    /** Fails with {@link ConsentException.Problem#SCHEMA_MISMATCH} unless {@code schema} holds every table and column the service uses. */
    public static void requireCurrent(DataSource dataSource, String schema) {
        LibraryMigrations.requireCurrent(LIBRARY, dataSource, schema, DefaultSchema.DEFAULT_SCHEMA);
    }
}
