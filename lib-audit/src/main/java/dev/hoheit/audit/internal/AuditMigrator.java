package dev.hoheit.audit.internal;

import dev.hoheit.audit.AuditException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
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
        String vendorLocation = location + "/" + vendor(dataSource);
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

    /** {@code postgresql} or {@code h2}; other databases are not supported by the audit schema. */
    static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return "postgresql";
            }
            if (product.contains("h2")) {
                return "h2";
            }
            throw new AuditException(AuditException.Problem.STORAGE, "the audit log supports H2 and PostgreSQL, not " + product);
        } catch (SQLException e) {
            throw new AuditException(AuditException.Problem.STORAGE, "cannot connect to the audit database", e);
        }
    }
}
