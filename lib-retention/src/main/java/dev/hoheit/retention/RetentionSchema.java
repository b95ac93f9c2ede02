package dev.hoheit.retention;

import static dev.hoheit.retention.Arguments.CHECKS;

import dev.hoheit.retention.internal.RetentionLibrary;
import dev.hoheit.transaction.MigrationScript;
import dev.hoheit.transaction.internal.LibrarySchema;
import dev.hoheit.transaction.internal.MigrationScripts;
import java.util.List;
import javax.sql.DataSource;

/**
 * The database schema of the retention library: its own Flyway migrations (a folder per database)
 * with their own history table.
 *
 * <p>{@link RetentionService#create} migrates by default. A host that runs migrations itself creates
 * the service with {@link RetentionConfig#withoutMigration()} and calls {@link #migrate}, or runs the
 * scripts of {@link #scripts} in its own tool; the service then checks that the schema is current and
 * fails with {@link RetentionException.Problem#SCHEMA_MISMATCH} if not.
 *
 * @since 0.2
 */
public final class RetentionSchema {

    /** Where the migration scripts live (not a package, so readable on the module path). */
    public static final String LOCATION = "classpath:META-INF/hoheit/retention/migration";

    /** The Flyway history table of this library. */
    public static final String HISTORY_TABLE = "hoheit_retention_history";

    /** The tables this library owns. */
    public static final List<String> TABLES = List.of(
            "retention_run", "retention_step", "retention_schedule", "retention_erasure", "retention_restriction",
            "retention_hold", "retention_hold_subject", "retention_lock");

    /** The migration scripts in the order they run; the same file names for every database. */
    static final List<String> SCRIPTS = List.of("V1__retention_schema.sql", "V2__hold_lock.sql");

    private RetentionSchema() {
    }

    /**
     * Brings {@code schema} up to date, creating it if missing, with the history table in it too;
     * null for the current schema of {@code dataSource}.
     *
     * @return the number of migrations applied now (0 when already current)
     * @throws RetentionException ({@link RetentionException.Problem#INVALID_ARGUMENT}) for an invalid
     *         schema name; ({@link RetentionException.Problem#STORAGE}) if a migration fails
     */
    public static int migrate(DataSource dataSource, String schema) {
        return RetentionLibrary.migrate(CHECKS.required("dataSource", dataSource), LibrarySchema.checked(schema, CHECKS::invalid));
    }

    /**
     * The migration scripts for {@code database} ({@code "h2"}, {@code "postgresql"} or
     * {@code "mariadb"}), in the order they must run, for a host that runs migrations in its own
     * tool. The scripts name no schema: run them with the retention schema as the current one.
     *
     * @throws RetentionException ({@link RetentionException.Problem#INVALID_ARGUMENT}) for another database name
     */
    public static List<MigrationScript> scripts(String database) {
        return MigrationScripts.read(RetentionSchema.class, LOCATION, database, SCRIPTS, CHECKS::invalid);
    }
}
