package dev.hoheit.audit.internal;

import dev.hoheit.audit.AuditException;
import dev.hoheit.audit.internal.jooq.DefaultSchema;
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

/** Runs this library's Flyway migrations (the set for the database at hand) with their own history table. */
public final class AuditMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(AuditMigrator.class);

    private AuditMigrator() {
    }

    /**
     * Migrates {@code schema} (null: the current schema of {@code dataSource}), creating it if missing,
     * with the history table in it too; baseline 0 lets it join a non-empty schema.
     */
    public static int migrate(DataSource dataSource, String location, String historyTable, String schema) {
        Platform.Database database = vendor(dataSource);
        String vendorLocation = location + "/" + database.folder();
        try {
            FluentConfiguration flyway = Flyway.configure(AuditMigrator.class.getClassLoader())
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
            throw new AuditException(AuditException.Problem.STORAGE, "Migration of " + vendorLocation + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Fails with {@link AuditException.Problem#SCHEMA_MISMATCH} unless every table and column the log
     * uses is in {@code schema} (null: the current schema), whoever migrated it.
     */
    public static void requireCurrent(DataSource dataSource, String schema) {
        List<String> missing = LibrarySchema.missing(DSL.using(dataSource, vendor(dataSource).dialect(), LibrarySchema.settings(schema)),
                DefaultSchema.DEFAULT_SCHEMA.getTables());
        if (!missing.isEmpty()) {
            throw new AuditException(AuditException.Problem.SCHEMA_MISMATCH, "The audit schema"
                    + (schema == null ? "" : " " + schema) + " is not at the version this library needs, and migration is"
                    + " off; missing or incomplete: " + String.join(", ", missing));
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
