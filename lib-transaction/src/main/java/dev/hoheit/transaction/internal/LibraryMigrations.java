package dev.hoheit.transaction.internal;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Flyway runner of the libraries: each library's scripts in a folder per database under its
 * own location, with its own history table, and a check of a schema the library did not migrate.
 */
public final class LibraryMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryMigrations.class);

    private LibraryMigrations() {
    }

    /**
     * Migrates {@code schema} (null: the current schema of {@code dataSource}) with the scripts in
     * {@code location}'s folder for the database at hand ({@code h2}, {@code postgresql} or
     * {@code mariadb}). A named schema is created if missing and holds the history table too. A
     * Flyway failure is the library's {@link Failure#STORAGE} exception.
     *
     * <p>{@code baselineOnMigrate} with baseline version 0 lets the library join a schema that already
     * holds the host's (or another library's) tables without skipping its own version 1.
     *
     * @param location such as {@code classpath:META-INF/hoheit/consent/migration}
     * @return how many migrations were applied
     */
    public static int migrate(Library library, DataSource dataSource, String location, String historyTable, String schema) {
        Platform.Database database = library.database(dataSource);
        String vendorLocation = location + "/" + database.folder();
        try {
            FluentConfiguration flyway = Flyway.configure(library.anchor().getClassLoader())
                    .dataSource(dataSource)
                    .locations(vendorLocation)
                    .table(historyTable)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .failOnMissingLocations(true)
                    .validateMigrationNaming(true);
            if (schema != null) {
                flyway.schemas(LibrarySchema.forFlyway(database, schema)).createSchemas(true);
            }
            MigrateResult result = flyway.load().migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Applied {} migration(s) from {} (now at version {})",
                        result.migrationsExecuted, vendorLocation, result.targetSchemaVersion);
            }
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw library.failure(Failure.STORAGE, "Migration of " + vendorLocation + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Fails with the library's {@link Failure#SCHEMA_MISMATCH} exception unless every table and
     * column of {@code expected} (the library's generated schema) is in {@code schema} (null: the
     * current schema), whoever migrated it.
     */
    public static void requireCurrent(Library library, DataSource dataSource, String schema, Schema expected) {
        List<String> missing = LibrarySchema.missing(library.context(dataSource, schema), expected.getTables());
        if (!missing.isEmpty()) {
            throw library.failure(Failure.SCHEMA_MISMATCH, "The " + library.topic() + " schema"
                    + (schema == null ? "" : " " + schema) + " is not at the version this library needs, and migration is"
                    + " off; missing or incomplete: " + String.join(", ", missing));
        }
    }
}
