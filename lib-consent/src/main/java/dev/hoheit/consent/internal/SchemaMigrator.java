package dev.hoheit.consent.internal;

import dev.hoheit.consent.ConsentException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs this library's Flyway migrations with their own history table. */
public final class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private SchemaMigrator() {
    }

    /**
     * Migrates the current schema of {@code dataSource} with the scripts in {@code location}'s folder
     * for the database at hand ({@code h2}, {@code postgresql} or {@code mariadb}).
     *
     * <p>{@code baselineOnMigrate} with baseline version 0 lets the library join a schema that already
     * holds the host's (or another library's) tables without skipping its own version 1.
     */
    public static int migrate(DataSource dataSource, String location, String historyTable) {
        String vendorLocation = location + "/" + Database.supported(dataSource).folder();
        try {
            MigrateResult result = Flyway.configure(SchemaMigrator.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(vendorLocation)
                    .table(historyTable)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .failOnMissingLocations(true)
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
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
}
