package dev.hoheit.retention.internal;

import dev.hoheit.retention.RetentionException;
import dev.hoheit.retention.internal.jooq.DefaultSchema;
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

/** Runs this library's Flyway migrations with their own history table, {@code hoheit_retention_history}. */
public final class RetentionMigrator {

    /** Where the migration scripts live; a folder per database. */
    public static final String LOCATION = "classpath:META-INF/hoheit/retention/migration";
    /** The Flyway history table of this library. */
    public static final String HISTORY_TABLE = "hoheit_retention_history";
    private static final Logger LOG = LoggerFactory.getLogger(RetentionMigrator.class);

    private RetentionMigrator() {
    }

    /**
     * The database behind {@code dataSource} if the library supports it and the jOOQ and Flyway on the
     * path are new enough; else {@link RetentionException.Problem#UNSUPPORTED_DATABASE} or
     * {@link RetentionException.Problem#INCOMPATIBLE_DEPENDENCY}, before any statement is run.
     */
    static Platform.Database supported(DataSource dataSource) {
        Platform.requireVersions("Hoheit retention", Flyway.class,
                message -> new RetentionException(RetentionException.Problem.INCOMPATIBLE_DEPENDENCY, message));
        return Platform.database(dataSource, "Hoheit retention",
                message -> new RetentionException(RetentionException.Problem.UNSUPPORTED_DATABASE, message),
                e -> new RetentionException(RetentionException.Problem.STORAGE, "cannot connect to the retention database", e));
    }

    /** Migrates the current schema with the scripts in {@link #LOCATION}'s folder for the database at hand. */
    static int migrate(DataSource dataSource) {
        return migrate(dataSource, null);
    }

    /**
     * Migrates {@code schema} (null: the current schema), creating it if missing, with the history
     * table in it too.
     */
    public static int migrate(DataSource dataSource, String schema) {
        Platform.Database database = supported(dataSource);
        String location = LOCATION + "/" + database.folder();
        try {
            FluentConfiguration flyway = Flyway.configure(RetentionMigrator.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(location)
                    .table(HISTORY_TABLE)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .failOnMissingLocations(true);
            if (schema != null) {
                flyway.schemas(LibrarySchema.forFlyway(database, schema)).createSchemas(true);
            }
            MigrateResult result = flyway.load().migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Applied {} migration(s) from {}", result.migrationsExecuted, location);
            }
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new RetentionException(RetentionException.Problem.STORAGE, "Migration of " + location + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Fails with {@link RetentionException.Problem#SCHEMA_MISMATCH} unless every table and column the
     * service uses is in {@code schema} (null: the current schema), whoever migrated it.
     */
    static void requireCurrent(DataSource dataSource, String schema) {
        Platform.Database database = supported(dataSource);
        List<String> missing = LibrarySchema.missing(DSL.using(dataSource, database.dialect(), LibrarySchema.settings(schema)),
                DefaultSchema.DEFAULT_SCHEMA.getTables());
        if (!missing.isEmpty()) {
            throw new RetentionException(RetentionException.Problem.SCHEMA_MISMATCH, "The retention schema"
                    + (schema == null ? "" : " " + schema) + " is not at the version this library needs, and migration is"
                    + " off; missing or incomplete: " + String.join(", ", missing));
        }
    }
}
