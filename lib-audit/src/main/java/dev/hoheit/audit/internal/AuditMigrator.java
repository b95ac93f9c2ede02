package dev.hoheit.audit.internal;

import dev.hoheit.audit.AuditException;
import dev.hoheit.transaction.internal.Platform;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs this library's Flyway migrations (the set for the database at hand) with their own history table. */
public final class AuditMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(AuditMigrator.class);

    private AuditMigrator() {
    }

    /** Migrates the current schema of {@code dataSource}; baseline 0 lets it join a non-empty schema. */
    public static int migrate(DataSource dataSource, String location, String historyTable) {
        String vendorLocation = location + "/" + vendor(dataSource).folder();
        try {
            MigrateResult result = Flyway.configure(AuditMigrator.class.getClassLoader())
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
            throw new AuditException(AuditException.Problem.STORAGE, "Migration of " + vendorLocation + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The database at hand (its {@link Platform.Database#folder() folder} holds its migrations). Fails
     * with {@link AuditException.Problem#UNSUPPORTED_DATABASE} on another database and with
     * {@link AuditException.Problem#INCOMPATIBLE_DEPENDENCY} on too old a jOOQ or Flyway, before any
     * statement is run.
     */
    static Platform.Database vendor(DataSource dataSource) {
        Platform.requireVersions("Hoheit audit", Flyway.class,
                message -> new AuditException(AuditException.Problem.INCOMPATIBLE_DEPENDENCY, message));
        return Platform.database(dataSource, "Hoheit audit",
                message -> new AuditException(AuditException.Problem.UNSUPPORTED_DATABASE, message),
                e -> new AuditException(AuditException.Problem.STORAGE, "cannot connect to the audit database", e));
    }
}
