package dev.hoheit.retention.internal;

import dev.hoheit.retention.RetentionException;
import dev.hoheit.transaction.internal.Platform;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs this library's Flyway migrations with their own history table, {@code hoheit_retention_history}. */
final class RetentionMigrator {

    static final String LOCATION = "classpath:META-INF/hoheit/retention/migration";
    static final String HISTORY_TABLE = "hoheit_retention_history";
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

    /** Migrates with the scripts in {@link #LOCATION}'s folder for the database at hand. */
    static int migrate(DataSource dataSource) {
        String location = LOCATION + "/" + supported(dataSource).folder();
        try {
            MigrateResult result = Flyway.configure(RetentionMigrator.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(location)
                    .table(HISTORY_TABLE)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Applied {} migration(s) from {}", result.migrationsExecuted, location);
            }
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new RetentionException(RetentionException.Problem.STORAGE, "Migration of " + location + " failed: " + e.getMessage(), e);
        }
    }
}
