package dev.hoheit.audit;

import static dev.hoheit.audit.Arguments.CHECKS;

import dev.hoheit.audit.internal.AuditLibrary;
import dev.hoheit.transaction.MigrationScript;
import dev.hoheit.transaction.internal.LibrarySchema;
import dev.hoheit.transaction.internal.MigrationScripts;
import java.util.List;
import javax.sql.DataSource;

/**
 * The database schema of the audit library: its own Flyway migrations (one set per database, as
 * PostgreSQL and MariaDB partition the entry table by month) with their own history table.
 *
 * <p>{@link AuditLog#create} migrates by default. A host that runs migrations itself creates the log
 * with {@link AuditConfig#withoutMigration()} and calls {@link #migrate}, or runs the scripts of
 * {@link #scripts} in its own tool; the log then checks that the schema is current and fails with
 * {@link AuditException.Problem#SCHEMA_MISMATCH} if not.
 *
 * @since 0.1
 */
public final class AuditSchema {

    /** Where the migration scripts live; {@code h2}, {@code postgresql} or {@code mariadb} is appended. */
    public static final String LOCATION = "classpath:META-INF/hoheit/audit/migration";

    /** The Flyway history table of this library. */
    public static final String HISTORY_TABLE = "hoheit_audit_history";

    /**
     * The tables this library owns (on PostgreSQL, plus one partition of audit_entry per month; on
     * MariaDB the partitions are audit_entry's own). The
     * {@code audit_v1_*} tables hold a log of schema version 1 as it was (read-only; purged on the
     * same schedule; its person keys are moved to {@code audit_person_key} on first start).
     */
    public static final List<String> TABLES = List.of(
            "audit_entry", "audit_tree_head", "audit_tile", "audit_checkpoint", "audit_cosignature", "audit_person_key",
            "audit_client_key", "audit_outbox", "audit_integrator_lease", "audit_v1_event", "audit_v1_head", "audit_v1_checkpoint", "audit_v1_subject_key");

    /** The migration scripts in the order they run; the same file names for every database. */
    static final List<String> SCRIPTS = List.of("V1__audit_schema.sql", "V2__checkpoint_public_key.sql",
            "V3__merkle_tree_log.sql", "V4__outbox.sql");

    private AuditSchema() {
    }

    /**
     * Brings the schema behind {@code dataSource} up to date.
     *
     * @return the number of migrations applied now
     */
    public static int migrate(DataSource dataSource) {
        return migrate(dataSource, null);
    }

    /**
     * Brings {@code schema} up to date, creating it if missing, with the history table in it too
     * (what {@link AuditLog#create} does for {@link AuditConfig#withSchema}); null for the current
     * schema of {@code dataSource}.
     *
     * @return the number of migrations applied now
     * @throws AuditException ({@link AuditException.Problem#INVALID_ARGUMENT}) for an invalid schema
     *         name; ({@link AuditException.Problem#STORAGE}) if a migration fails
     * @since 0.2
     */
    public static int migrate(DataSource dataSource, String schema) {
        return AuditLibrary.migrate(CHECKS.required("dataSource", dataSource),
                LibrarySchema.checked(schema, CHECKS::invalid));
    }

    /**
     * The migration scripts for {@code database} ({@code "h2"}, {@code "postgresql"} or {@code "mariadb"}), in the order
     * they must run, for a host that runs migrations in its own tool. The scripts name no schema: run
     * them with the audit schema as the current one.
     *
     * @throws AuditException ({@link AuditException.Problem#INVALID_ARGUMENT}) for another database name
     * @since 0.2
     */
    public static List<MigrationScript> scripts(String database) {
        return MigrationScripts.read(AuditSchema.class, LOCATION, database, SCRIPTS, CHECKS::invalid);
    }
}
