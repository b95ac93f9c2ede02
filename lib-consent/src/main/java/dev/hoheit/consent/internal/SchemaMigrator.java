package dev.hoheit.consent.internal;

import dev.hoheit.consent.ConsentException;
import dev.hoheit.consent.internal.jooq.DefaultSchema;
import dev.hoheit.transaction.internal.LibrarySchema;
import dev.hoheit.transaction.internal.Platform;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs this library's Flyway migrations with their own history table, and checks a schema it did not migrate. */
public final class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private SchemaMigrator() {
    }

    /**
     * Migrates {@code schema} (null: the current schema of {@code dataSource}) with the scripts in
     * {@code location}'s folder for the database at hand ({@code h2}, {@code postgresql} or
     * {@code mariadb}). A named schema is created if missing and holds the history table too.
     *
     * <p>{@code baselineOnMigrate} with baseline version 0 lets the library join a schema that already
     * holds the host's (or another library's) tables without skipping its own version 1.
     */
    public static int migrate(DataSource dataSource, String location, String historyTable, String schema) {
        Platform.Database database = Database.supported(dataSource);
        String vendorLocation = location + "/" + database.folder();
        try {
            FluentConfiguration flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
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
            throw new ConsentException(ConsentException.Problem.STORAGE,
                    "Migration of " + vendorLocation + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Fails with {@link ConsentException.Problem#SCHEMA_MISMATCH} unless every table and column the
     * service uses is in {@code schema} (null: the current schema), whoever migrated it.
     */
    public static void requireCurrent(DataSource dataSource, String schema) {
        Platform.Database database = Database.supported(dataSource);
        List<String> missing = LibrarySchema.missing(DSL.using(dataSource, database.dialect(), LibrarySchema.settings(schema)),
                DefaultSchema.DEFAULT_SCHEMA.getTables());
        if (!missing.isEmpty()) {
            throw new ConsentException(ConsentException.Problem.SCHEMA_MISMATCH, "The consent schema"
                    + (schema == null ? "" : " " + schema) + " is not at the version this library needs, and migration is"
                    + " off; missing or incomplete: " + String.join(", ", missing));
        }
    }
}
