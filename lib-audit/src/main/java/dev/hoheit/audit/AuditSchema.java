package dev.hoheit.audit;

import dev.hoheit.audit.internal.AuditMigrator;
import java.util.List;
import javax.sql.DataSource;

/**
 * The database schema of the audit library: its own Flyway migrations (one set per database, as
 * PostgreSQL and MariaDB partition the entry table by month) with their own history table.
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

    private AuditSchema() {
    }

    /**
     * Brings the schema behind {@code dataSource} up to date.
     *
     * @return the number of migrations applied now
     */
    public static int migrate(DataSource dataSource) {
        return AuditMigrator.migrate(Checks.required("dataSource", dataSource), LOCATION, HISTORY_TABLE);
    }
}
