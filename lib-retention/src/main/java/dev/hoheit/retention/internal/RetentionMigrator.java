package dev.hoheit.retention.internal;

import dev.hoheit.retention.RetentionException;
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

    static int migrate(DataSource dataSource) {
        try {
            MigrateResult result = Flyway.configure(RetentionMigrator.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .table(HISTORY_TABLE)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Applied {} migration(s) from {}", result.migrationsExecuted, LOCATION);
            }
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new RetentionException(RetentionException.Problem.STORAGE, "Migration of " + LOCATION + " failed: " + e.getMessage(), e);
        }
    }
}
